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
