"""The coordinator's shared helpers (maturity.coordination): the invitations' mail-merge file."""

from __future__ import annotations

import csv
import io

from maturity.coordination import invitation_rows, invitations_csv
from maturity.storage import Issued


def test_the_mail_merge_file_opens_in_excel_from_the_page_and_stays_commas_for_the_command_line():
    rows = invitation_rows([Issued("62063", "Liège", "tok1"), Issued("63023", "Eupen", "tok2")], "https://x.be/")
    assert rows[0] == {"nis_code": "62063", "commune": "Liège", "province": "Liège", "link": "https://x.be/?t=tok1"}
    plain = invitations_csv(rows)
    assert plain.splitlines()[0] == "nis_code,commune,province,link"  # contract §6
    excel = invitations_csv(rows, excel=True)
    # a double-clicked file in a Belgian Excel: the BOM for the accents, « ; » for the columns
    assert excel.startswith("\ufeffnis_code;commune;province;link\n")
    read = list(csv.DictReader(io.StringIO(excel.lstrip("\ufeff")), delimiter=";"))
    assert [(r["commune"], r["link"]) for r in read] == [("Liège", "https://x.be/?t=tok1"),
                                                         ("Eupen", "https://x.be/?t=tok2")]


def test_a_file_whose_questionnaire_this_server_lacks_is_named_in_its_refusal(tmp_path):
    """A refusal found outside the file (its questionnaire is not under questionnaires/) said « questionnaire.id: no
    questionnaire with the id … » without the file, on the coordinator's page and for `maturity campaign submit`:
    among several files, nobody could tell which one. It now names the file, as every other refusal does."""
    from datetime import date

    import pytest

    from maturity.answers import parse_answers_json
    from maturity.coordination import file_responses
    from maturity.errors import InvalidInput
    from maturity.storage import Campaign

    campaign = Campaign("wal-x", "X", "nowhere", date(2026, 1, 1), date(2026, 12, 31), None)
    raw = b'{"questionnaire": {"id": "nowhere", "version": "1.0"}, "commune": {"nis_code": "92094"}, "answers": {}}'
    with pytest.raises(InvalidInput) as info:
        file_responses(campaign, [("v2.json", "v2.json", lambda: parse_answers_json(raw, "v2.json"))])
    (problem,) = info.value.problems
    assert problem.file == "v2.json" and str(problem).startswith("v2.json: questionnaire.id: no questionnaire"), problem
