"""``maturity campaign`` as a coordinator meets it: create, invite, submit files, follow, report
(contract §6, §7). Each test runs on a fresh SQLite store (MATURITY_DATA_DIR)."""

from __future__ import annotations

import csv
import json
import re
from datetime import date, timedelta
from pathlib import Path

import pytest

from maturity.cli import main
from maturity.models import CHOICE_TYPES
from maturity.questionnaire import DEFAULT_QUESTIONNAIRE, load_questionnaire
from maturity.storage import Store

Q_ID = "smart-city-wallonie"
URL = "https://smartcity.example.be"
# two communes or more in every province (so the estimate is post-stratified), 10 in all
RESPONDENTS = ["25005", "25014", "57081", "55004", "62063", "61003", "82039", "84009", "92094", "91013"]
OPENS = date.today() - timedelta(days=10)
CLOSES = date.today() + timedelta(days=60)


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("MATURITY_DATA_DIR", str(tmp_path / "var"))
    monkeypatch.setenv("MATURITY_PUBLIC_URL", URL)
    monkeypatch.delenv("MATURITY_DATABASE_URL", raising=False)
    return tmp_path


def answers_for(nis: str, level: int, *, questionnaire: str = Q_ID, **extra: object) -> dict:
    """A valid answers document: every dimension and obstacle question answered, option ``level``."""
    q = load_questionnaire(DEFAULT_QUESTIONNAIRE)
    answers: dict[str, object] = {}
    for section in q.sections:
        if section.kind == "profile":
            continue
        for question in section.questions:
            if question.type == "multi":
                answers[question.id] = question.option_ids[: level + 1]
            elif question.type in CHOICE_TYPES and question.option_ids:
                answers[question.id] = question.option_ids[min(level, len(question.option_ids) - 1)]
    doc = {"questionnaire": {"id": questionnaire, "version": q.version}, "answers": answers, **extra}
    if nis:
        doc["commune"] = {"nis_code": nis}
    return doc


def write(path: Path, doc: dict) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def create(campaign: str = "wal-2027") -> None:
    assert main(["campaign", "create", campaign, "--title", "Baromètre 2027", "--questionnaire", Q_ID,
                 "--opens", OPENS.isoformat(), "--closes", CLOSES.isoformat()]) == 0


def invite(tmp: Path, name: str = "invitations.csv") -> list[dict[str, str]]:
    assert main(["campaign", "invite", "wal-2027", "--out", str(tmp / name)]) == 0
    with (tmp / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def status(capsys: pytest.CaptureFixture[str]) -> dict:
    capsys.readouterr()
    assert main(["campaign", "status", "wal-2027", "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_invite_writes_one_link_per_commune_of_the_registry_once(env: Path, capsys) -> None:
    create()
    rows = invite(env)
    assert list(rows[0]) == ["nis_code", "commune", "province", "link"]
    assert len(rows) == 261 and len({r["link"] for r in rows}) == 261
    by_nis = {r["nis_code"]: r for r in rows}
    assert by_nis["82039"]["commune"] == "Bastogne" and "82003" not in by_nis  # merged on 2 December 2024
    assert by_nis["92094"]["province"] == "Namur"
    assert all(r["link"].startswith(URL + "/?t=") for r in rows)
    assert (env / "invitations.csv").stat().st_mode & 0o077 == 0  # the links are secrets
    # a second invite has nothing to show (the links are kept as hashes only) and writes nothing
    assert main(["campaign", "invite", "wal-2027", "--out", str(env / "again.csv")]) == 1
    assert "reissue" in capsys.readouterr().err and not (env / "again.csv").exists()
    # the file is never overwritten
    assert main(["campaign", "reissue", "wal-2027", "92094", "--out", str(env / "invitations.csv")]) == 1
    # the link opens Namur's space, bound to it
    token = by_nis["92094"]["link"].split("?t=")[1]
    with Store(data_dir=env / "var") as store:
        space = store.load_space(token)
        assert (space.nis_code, space.commune_locked) == ("92094", True)


def test_invite_needs_the_public_address(env: Path, monkeypatch, capsys) -> None:
    create()
    monkeypatch.delenv("MATURITY_PUBLIC_URL")
    assert main(["campaign", "invite", "wal-2027", "--out", str(env / "inv.csv")]) == 1
    assert "MATURITY_PUBLIC_URL" in capsys.readouterr().err and not (env / "inv.csv").exists()


@pytest.mark.parametrize("base", ["https://smartcity.example.be/app?x=1", "https://smartcity.example.be/#top",
                                  "https://smart city.example.be"])
def test_invite_refuses_an_address_whose_links_would_open_nothing(env: Path, capsys, base: str) -> None:
    """« …/app?x=1 » made « …/app?x=1/?t=… » for 261 communes, links shown once (hostile review 10)."""
    create()
    assert main(["campaign", "invite", "wal-2027", "--out", str(env / "inv.csv"), "--base-url", base]) == 1
    assert "--base-url" in capsys.readouterr().err and not (env / "inv.csv").exists()
    with Store(data_dir=env / "var") as store:
        assert store.invitations("wal-2027") == []  # nothing issued: the same call with a good address works
    assert main(["campaign", "invite", "wal-2027", "--out", str(env / "inv.csv"), "--base-url",
                 "https://smartcity.example.be/app/"]) == 0


def test_invite_warns_when_its_links_would_open_only_on_this_computer(env: Path, capsys) -> None:
    """A trial may use localhost; the commune could not open such a link: said, as the campaigns page says it."""
    create()
    assert main(["campaign", "invite", "wal-2027", "--out", str(env / "inv.csv"), "--base-url",
                 "http://localhost:8501"]) == 0
    err = capsys.readouterr().err
    assert "warning: --base-url" in err and "a commune could not open them" in err
    assert main(["campaign", "reissue", "wal-2027", "92094", "--out", str(env / "new.csv"), "--base-url",
                 "https://smartcity.example.be"]) == 0
    assert "warning" not in capsys.readouterr().err


def test_create_refuses_bad_input_with_every_problem(env: Path, capsys) -> None:
    assert main(["campaign", "create", "x", "--title", "t", "--questionnaire", Q_ID, "--opens", "2026-13-01",
                 "--closes", "2026-01-01"]) == 1
    assert "--opens: '2026-13-01' is not a date" in capsys.readouterr().err
    assert main(["campaign", "create", "x", "--title", "t", "--questionnaire", "nope", "--opens", "2026-01-01",
                 "--closes", "2026-02-01"]) == 1
    assert "no questionnaire with the id 'nope'" in capsys.readouterr().err
    create()
    assert main(["campaign", "create", "wal-2027", "--title", "t", "--questionnaire", Q_ID, "--opens",
                 "2026-01-01", "--closes", "2026-02-01"]) == 1
    assert "already exists" in capsys.readouterr().err
    assert main(["campaign", "status", "nope"]) == 1
    assert "no campaign 'nope' (campaigns: wal-2027)" in capsys.readouterr().err
    with pytest.raises(SystemExit) as usage:
        main(["campaign", "create", "x"])
    assert usage.value.code == 2


def test_create_says_every_problem_of_its_arguments_at_once(env: Path, capsys) -> None:
    """A bad id, an empty title, an unknown questionnaire and two bad dates: the coordinator read the first date's
    problem alone, then the questionnaire's on the next call, and so on; every one is said now, each at its option,
    in the order of the arguments, and nothing is created."""
    assert main(["campaign", "create", "wal 2027", "--title", " ", "--questionnaire", "nope", "--opens", "2026-13-01",
                 "--closes", "2026-02-30"]) == 1
    said = capsys.readouterr().err.splitlines()
    assert [line.split(":")[0] for line in said] == ["ID", "--title", "--questionnaire", "--opens", "--closes"], said
    assert "no questionnaire with the id 'nope'" in said[2]
    assert main(["campaign", "create", "wal 2027", "--title", "t", "--questionnaire", Q_ID, "--opens", "2026-03-01",
                 "--closes", "2026-02-01"]) == 1
    said = capsys.readouterr().err.splitlines()
    assert [line.split(":")[0] for line in said] == ["ID", "--closes"] and "before it opens" in said[1], said
    with Store(data_dir=env / "var") as store:
        assert store.campaigns() == []


def test_submit_refuses_the_whole_call_with_every_problem(env: Path, capsys) -> None:
    create()
    invite(env)
    folder = env / "mail"
    write(folder / "namur.json", answers_for("92094", 2))
    write(folder / "unknown.json", answers_for("99999", 1))
    write(folder / "bertogne.json", answers_for("82005", 1))  # merged into Bastogne before the opening
    write(folder / "other-questionnaire.json", answers_for("25005", 1, questionnaire="mini"))
    bad = answers_for("25014", 1)
    bad["answers"]["gov_strategy"] = "maybe"
    write(folder / "bad.json", bad)
    (folder / "broken.json").write_text("{not json", encoding="utf-8")
    assert main(["campaign", "submit", "wal-2027", str(folder)]) == 1
    err = capsys.readouterr().err
    assert "unknown.json: commune.nis_code: '99999' is not the NIS code of a Walloon commune" in err
    assert "bertogne.json: commune.nis_code: Bertogne (82005) no longer exists" in err and "--nis 82039" in err
    assert "other-questionnaire.json: questionnaire.id: answers to questionnaire 'mini'" in err
    assert "bad.json: answers.gov_strategy" in err
    assert "broken.json" in err and "not valid JSON" in err
    assert "Traceback" not in err
    assert status(capsys)["submitted"] == 0  # nothing of that call recorded


def test_a_commune_submitting_twice_counts_once(env: Path, capsys) -> None:
    create()
    invite(env)
    first = write(env / "a" / "namur.json", answers_for("92094", 0))
    second = write(env / "b" / "namur.json", answers_for("92094", 3))
    assert main(["campaign", "submit", "wal-2027", str(first)]) == 0
    assert main(["campaign", "submit", "wal-2027", str(second)]) == 0
    got = status(capsys)
    assert (got["invited"], got["started"], got["submitted"]) == (261, 1, 1)
    assert got["communes"]["92094"] == "submitted"
    assert main(["campaign", "report", "wal-2027", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["n_submitted"] == 1
    # in words: none in progress beside the one that responded (the page's and the map's count, fresh-eyes trial 7)
    assert main(["campaign", "status", "wal-2027"]) == 0
    table = capsys.readouterr().out.splitlines()
    assert table[1].split() == ["Invitées", "En", "cours", "Ont", "répondu", "Taux", "de", "réponse"]
    assert table[2].split()[:4] == ["Wallonie", "261", "0", "1"], table[2]


def test_nis_names_the_commune_of_a_single_file(env: Path, capsys) -> None:
    create()
    invite(env)
    anonymous = write(env / "anon.json", answers_for("", 1))
    assert main(["campaign", "submit", "wal-2027", str(anonymous)]) == 1
    assert "give --nis" in capsys.readouterr().err
    assert main(["campaign", "submit", "wal-2027", str(anonymous), "--nis", "57081"]) == 0
    assert status(capsys)["communes"]["57081"] == "submitted"
    other = write(env / "liege.json", answers_for("62063", 1))
    assert main(["campaign", "submit", "wal-2027", str(other), "--nis", "57081"]) == 1
    assert "the file is for commune 62063, not 57081" in capsys.readouterr().err


def test_a_revoked_commune_does_not_count(env: Path, capsys) -> None:
    create()
    invite(env)
    write(env / "mail" / "namur.json", answers_for("92094", 2))
    assert main(["campaign", "submit", "wal-2027", str(env / "mail")]) == 0
    assert main(["campaign", "revoke", "wal-2027", "92094"]) == 0
    got = status(capsys)
    assert (got["invited"], got["submitted"]) == (260, 0)
    assert main(["campaign", "submit", "wal-2027", str(env / "mail")]) == 1
    assert "no live invitation" in capsys.readouterr().err


def test_status_and_report_in_words(env: Path, capsys) -> None:
    create()
    invite(env)
    for i, nis in enumerate(RESPONDENTS):
        write(env / "mail" / f"{nis}.json", answers_for(nis, i % 4))
    assert main(["campaign", "submit", "wal-2027", str(env / "mail")]) == 0
    capsys.readouterr()
    assert main(["campaign", "status", "wal-2027"]) == 0
    out = capsys.readouterr().out
    assert "Wallonie" in out and "Luxembourg" in out and "4\u00a0%" in out  # 10 of 261, French spacing
    assert main(["campaign", "report", "wal-2027", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["n_submitted"] == 10 and report["campaign"]["N"] == 261
    economy = report["dimensions"]["economy"]
    # 2 respondents per province: none is published on its own, so they are one stratum (a plain mean)
    assert economy["weighting"] == "none" and economy["n"] == 10 and economy["thin_provinces"] == {}
    assert economy["ci_low"] < economy["estimate"] < economy["ci_high"]
    assert main(["campaign", "report", "wal-2027"]) == 0
    text = capsys.readouterr().out
    assert "10 réponses sur 261 communes invitées" in text and "Smart Economy" in text
    assert "aucune province ne compte assez de répondants (5)" in text
    # an item's estimate with its interval, as the JSON, the PDF and the app give it
    # each item named as the report names it (not by its JSON key), its figures on the next line
    lines = text.splitlines()

    def figures(label: str) -> str:
        return lines[lines.index(f"  {label}") + 1]

    assert not any(row.strip().startswith(("obstacle_budget", "progress_self_rated")) for row in lines)
    line = figures("Parmi les principaux freins\u00a0: mobiliser les budgets")
    assert re.search(r"^ {6}\d+\s%\s\(\d+–\d+\s%\), n = 10", line), line
    # the barometer's figures as published, as the pages and the report write them (2020's "3", not "3,0")
    progress = figures("Avancement de la démarche, auto-évalué de 0 à 10 (moyenne)")
    assert progress.endswith("\u00a0; 2018\u00a0: 3,67\u00a0; 2020\u00a0: 3\u00a0; 2021\u00a0: 4,31"), progress


@pytest.mark.parametrize(("lang", "expected"), [
    ("fr", {"create": "Campagne wal-2027 créée\u00a0: Baromètre 2027\u00a0; questionnaire smart-city-wallonie\u00a0; "
                      "ouverte du {opens} au {closes} (dernier jour compris)\u00a0; 261 communes à inviter",
            "list": "wal-2027\u00a0: Baromètre 2027 — smart-city-wallonie, du {opens} au {closes}",
            "invite": "261 invitations écrites dans {out} (261 communes au registre le {opens}). Chaque lien ouvre "
                      "l'espace de sa commune\u00a0: envoyez-le à cette commune seulement.",
            "submit": "10 réponses enregistrées pour wal-2027\u00a0: ",
            "status": ["Invitées", "En cours", "Ont répondu", "Taux de réponse", "Wallonie", "Par province",
                       "Par taille de commune", "Brabant wallon", "moins de 5\u202f000 habitants"],
            "report": ["wal-2027\u00a0: Baromètre 2027\u00a0; 10 réponses sur 261 communes invitées (261 communes en "
                       "Wallonie à l'ouverture).", "Estimation", "Intervalle à 95\u00a0%", "Médiane", "Quartiles",
                       "Les questions du baromètre\u00a0: cette campagne, puis les éditions publiées",
                       "— non publié (moins de 5 communes)\u00a0; 2020\u00a0: 60\u00a0%"],
            "revoke": "1 lien révoqué\u00a0: il n'ouvre plus rien, et ce qui est passé par lui ne compte plus"}),
    ("de", {"create": "Kampagne wal-2027 erstellt: Baromètre 2027; Fragebogen smart-city-wallonie; offen vom {opens} "
                      "bis {closes} (letzter Tag eingeschlossen); 261 Gemeinden einzuladen",
            "list": "wal-2027: Baromètre 2027 — smart-city-wallonie, vom {opens} bis {closes}",
            "invite": "261 Einladungen in {out} geschrieben (261 Gemeinden im Register am {opens}). Jeder Link öffnet "
                      "den Bereich seiner Gemeinde: Senden Sie ihn nur an diese Gemeinde.",
            "submit": "10 Antworten für wal-2027 gespeichert: ",
            "status": ["Eingeladen", "In Bearbeitung", "Geantwortet", "Rücklaufquote", "Wallonie", "Nach Provinz",
                       "Nach Gemeindegröße", "Wallonisch-Brabant", "unter 5.000 Einwohner"],
            "report": ["wal-2027: Baromètre 2027; 10 Antworten von 261 eingeladenen Gemeinden (261 Gemeinden in der "
                       "Wallonie bei Beginn).", "Schätzung", "95-%-Intervall", "Median", "Quartile",
                       "Die Fragen des Barometers: diese Kampagne, dann die veröffentlichten Ausgaben",
                       "— nicht veröffentlicht (weniger als 5 Gemeinden); 2020: 60\u00a0%"],
            "revoke": "1 Link zurückgezogen: Er öffnet nichts mehr, und was darüber kam, zählt nicht mehr"}),
    ("en", {"create": "campaign wal-2027 created: Baromètre 2027; questionnaire smart-city-wallonie; open {opens} to "
                      "{closes} (last day included); 261 communes to invite",
            "list": "wal-2027: Baromètre 2027 — smart-city-wallonie, {opens} to {closes}",
            "invite": "261 invitations written to {out} (261 communes in the registry on {opens}). Each link opens its "
                      "commune's space: send it to that commune only.",
            "submit": "10 responses recorded for wal-2027: ",
            "status": ["Invited", "In progress", "Responded", "Response rate", "Wallonia", "By province",
                       "By size of commune", "Walloon Brabant", "under 5,000 inhabitants"],
            "report": ["wal-2027: Baromètre 2027; 10 responses from 261 invited communes (261 communes in Wallonia at "
                       "the opening).", "Estimate", "95\u00a0% interval", "Median", "Quartiles",
                       "The barometer's questions: this campaign, then the published editions",
                       "— not published (fewer than 5 communes); 2020: 60%"],
            "revoke": "1 link revoked: it opens nothing any more, and what came through it no longer counts"}),
])
def test_the_coordinators_commands_speak_the_language_asked(env: Path, capsys, lang: str, expected: dict) -> None:
    """A French coordinator read « invited / in progress / submitted / rate », « Wallonia », « by province »,
    « barometer items (now; then) », « fewer than 5 responses: not shown » around French names: every action now
    prints in --lang (French by default), dates as the language writes them, the tables' words as the
    coordinator's page says them."""
    from maturity.display import format_date

    dates = {"opens": format_date(OPENS, lang), "closes": format_date(CLOSES, lang), "out": env / "inv.csv"}
    flag = ["--lang", lang] if lang != "fr" else []

    def run(*argv: str) -> str:
        capsys.readouterr()
        assert main([*argv, *flag]) == 0
        return capsys.readouterr().out

    assert run("campaign", "create", "wal-2027", "--title", "Baromètre 2027", "--questionnaire", Q_ID,
               "--opens", OPENS.isoformat(), "--closes", CLOSES.isoformat()).strip() == expected["create"].format(**dates)
    assert run("campaign", "list").strip() == expected["list"].format(**dates)
    assert run("campaign", "invite", "wal-2027", "--out", str(env / "inv.csv")).strip() == expected["invite"].format(
        **dates)
    for i, nis in enumerate(RESPONDENTS):
        write(env / "mail" / f"{nis}.json", answers_for(nis, i % 4))
    # each response by its commune's name, its code and its file, separated as the language writes it
    submitted = run("campaign", "submit", "wal-2027", str(env / "mail")).strip()
    semicolon = "\u00a0; " if lang == "fr" else "; "
    assert submitted.startswith(expected["submit"] + f"Beauvechain (25005, 25005.json){semicolon}"), submitted
    assert len(submitted.split(semicolon)) == len(RESPONDENTS) and "Namur (92094, 92094.json)" in submitted, submitted
    status = run("campaign", "status", "wal-2027")
    report = run("campaign", "report", "wal-2027")
    for words, text in ((expected["status"], status), (expected["report"], report)):
        for word in words:
            assert word in text, (word, text)
    assert run("campaign", "revoke", "wal-2027", "92094").strip() == expected["revoke"]
    english = ("invited", "in progress", "by province", "fewer than", "now; then", "Wallonia")
    if lang != "en":
        assert not [word for word in english if word in status + report], status + report
    # a German-speaking commune by its German name in German
    write(env / "late" / "63067.json", answers_for("63067", 1))
    assert run("campaign", "submit", "wal-2027", str(env / "late")).strip() == {
        "fr": "1 réponse enregistrée pour wal-2027\u00a0: Saint-Vith (63067, 63067.json)",
        "de": "1 Antwort für wal-2027 gespeichert: Sankt Vith (63067, 63067.json)",
        "en": "1 response recorded for wal-2027: Saint-Vith (63067, 63067.json)"}[lang]


def test_end_to_end_from_a_campaign_to_another_installs_radar(env: Path, monkeypatch, capsys) -> None:
    """create → invite → submit files → status → report → publish → import-aggregates into a fresh
    store → a commune's radar there has the campaign as its Walloon reference, with the interval."""
    from maturity.app.logic import pooled_series
    from maturity.storage import Store

    create()
    invite(env)
    for i, nis in enumerate(RESPONDENTS):
        write(env / "mail" / f"{nis}.json", answers_for(nis, i % 4))
    assert main(["campaign", "submit", "wal-2027", str(env / "mail")]) == 0
    assert status(capsys)["submitted"] == 10
    assert main(["campaign", "report", "wal-2027", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    out = env / "published"
    assert main(["campaign", "publish", "wal-2027", "--out", str(out), "--publisher", "Smart City Institute",
                 "--url", "https://example.org/wal-2027"]) == 0
    written = sorted(p.name for p in out.iterdir())
    assert [n.rsplit(".", 1)[1] for n in written] == ["csv", "pdf", "yaml"]
    (yaml_file,) = out.glob("*.yaml")
    text = yaml_file.read_text(encoding="utf-8")
    assert not any(nis in text for nis in RESPONDENTS)  # nothing per commune leaves
    assert (out / yaml_file.name.replace(".yaml", ".pdf")).read_bytes()[:5] == b"%PDF-"

    monkeypatch.setenv("MATURITY_DATA_DIR", str(env / "other-install"))
    capsys.readouterr()
    assert main(["benchmarks", "import-aggregates", str(yaml_file)]) == 0
    said = capsys.readouterr().out  # every word in the language asked (French by default), not English around it
    assert said.startswith("importé\u00a0: Wallonie (campagne") and "repère wallon du radar" in said, said
    assert main(["benchmarks", "import-aggregates", str(yaml_file), "--lang", "de"]) == 0
    said = capsys.readouterr().out
    assert said.startswith("ersetzt: Wallonie (Kampagne") and "Vergleichswert" in said and "from now" not in said
    with Store(data_dir=env / "other-install") as fresh:
        assert fresh.campaign("wal-2027") is None  # only the open figures travelled
        from maturity.aggregates import read_aggregates

        refs = [read_aggregates(a["text"], a["source"]) for a in fresh.campaign_aggregates()]
        q = load_questionnaire(DEFAULT_QUESTIONNAIRE)
        series, note = pooled_series(q, fresh.pool_rows(), "92094", "fr", refs)
    wallonia = series[0]
    assert wallonia.name == "Wallonie (campagne Baromètre 2027, n = 10 sur 261)"
    for dim, d in report["dimensions"].items():
        assert wallonia.scores[dim] == pytest.approx(d["estimate"])
        assert wallonia.band[dim] == pytest.approx((d["ci_low"], d["ci_high"]))
    assert "Smart City Institute" in note  # the sheet and the page say where the numbers come from
    capsys.readouterr()
    assert main(["benchmarks", "reference", "--nis", "92094", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["origin"] == "campaign" and shown["campaign"] == "wal-2027"
    assert shown["wallonia"]["name"] == wallonia.name
    assert main(["benchmarks", "reference", "--nis", "92094"]) == 0
    text = capsys.readouterr().out
    assert text.startswith("Wallonie (campagne Baromètre 2027, n = 10 sur 261)\n") and "Smart City Institute" in text
    # each dimension by its name, as the radar names it, with its estimate and interval
    economy = next(line for line in text.splitlines() if "Économie" in line)
    assert economy.startswith("  Smart Economy – Économie ") and re.search(r"\d+,\d  \(\d+,\d–\d+,\d\)$", economy)


def test_import_aggregates_refuses_a_file_with_every_problem_and_stores_nothing(env: Path, capsys) -> None:
    bad = env / "bad.yaml"
    bad.write_text("id: x\nkind: published\n", encoding="utf-8")
    assert main(["benchmarks", "import-aggregates", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "bad.yaml" in err and "Traceback" not in err
    assert main(["benchmarks", "import-aggregates", str(env / "missing.yaml")]) == 1
    assert "file not found" in capsys.readouterr().err
    with Store(data_dir=env / "var") as store:
        assert store.campaign_aggregates() == []


def test_publish_says_too_few_responses_at_the_campaign_with_the_options_problems(env: Path, capsys, monkeypatch) -> None:
    """With 0 responses and no publisher, a coordinator read the options' problems, then on the next call
    « campagne-wal-2027.yaml:16: respondents: fewer than 5 respondents », the line of a file that is never
    written; now both at once, the responses at the campaign, and nothing is written."""
    monkeypatch.delenv("MATURITY_PUBLISHER", raising=False)
    create()
    invite(env)
    capsys.readouterr()
    out = env / "published"
    assert main(["campaign", "publish", "wal-2027", "--out", str(out)]) == 1
    said = capsys.readouterr().err.splitlines()
    assert said == ["ID: 0 communes have responded; at least 5 are needed before anything is published",
                    "--publisher: name who publishes the figures: --publisher NAME (or MATURITY_PUBLISHER)"], said
    assert not out.exists()
