"""The pooled reference per dimension (pure), its suppression rules, the missing estimate, and the
``maturity benchmarks import`` CSV reader."""

from __future__ import annotations

import json
import statistics
from datetime import date
from typing import ClassVar

import pandas as pd
import pytest

from maturity import cli, scores_csv
from maturity.benchmarks import load_benchmark_sets
from maturity.cli import benchmarks as cli_benchmarks
from maturity.communes import POPULATION_CLASSES, PROVINCES, communes
from maturity.errors import InvalidInput
from maturity.pool import (
    DIMENSIONS,
    MIN_N,
    MIN_N_QUARTILES,
    NO_REGIONAL_ESTIMATE,
    SUPPRESSED_NOTE,
    no_regional_estimate,
    pooled_reference,
    regional_estimate,
)


def _communes(province=None, pop_class=None):
    return sorted(c.nis_code for c in communes().values()
                  if (province is None or c.province_nis == province)
                  and (pop_class is None or c.population_class == pop_class))


def _row(nis, base=50.0, when="2026-01-15", **scores):
    row = {"nis_code": nis, "submitted_at": when}
    row.update({d: base for d in DIMENSIONS})
    row.update(scores)
    return row


def _numbers(stats):
    return (stats.n, stats.mean, stats.median, stats.q1, stats.q3)


# --- statistics and suppression -------------------------------------------------------------------


def test_five_communes_give_their_mean_and_n_but_not_their_own_scores_as_quartiles():
    nis = _communes("90000")[:5]
    rows = [_row(n, economy=v) for n, v in zip(nis, [10, 20, 30, 40, 50], strict=True)]
    ref = pooled_reference(rows, as_of=date(2026, 2, 1))
    econ = ref.wallonia.dimensions["economy"]
    # type 7 quartiles of 5 values fall on values (positions 2, 3, 4): 20, 30, 40 are three communes' own
    # scores, so below 10 communes only n and the mean are given
    assert _numbers(econ) == (5, 30.0, None, None, None)
    assert ref.wallonia.to_json()["min_n_quartiles"] == MIN_N_QUARTILES == 10
    assert ref.wallonia.n == 5 and not ref.wallonia.suppressed
    assert ref.wallonia.kind == "pooled" and ref.wallonia.quantile_method == "inclusive"
    assert ref.regional_available and ref.regional_note("fr") is None
    assert ref.provinces["90000"].n == 5  # all in Namur
    assert ref.provinces["50000"].suppressed


def test_quartiles_from_ten_communes_only():
    nis = _communes("60000")[:10]
    rows = [_row(n, economy=10.0 * (i + 1), mobility=(None if i == 0 else 50.0)) for i, n in enumerate(nis)]
    ref = pooled_reference(rows)
    econ, mob = ref.wallonia.dimensions["economy"], ref.wallonia.dimensions["mobility"]
    assert (econ.n, econ.q1, econ.median, econ.q3) == (10, 32.5, 55.0, 77.5)  # between two communes' scores
    assert (mob.n, mob.mean, mob.median, mob.q1, mob.q3) == (9, 50.0, None, None, None)  # a dimension's own n


def test_the_open_pools_figures_have_no_median_nor_quartiles_even_from_ten_communes(monkeypatch, capsys):
    """The open pool's figures change in releases; the release check covers sums only. A median or quartile
    compared release after release could still give a commune's score (Q1 of 10 communes is x3 + (x4 − x3)/4,
    of 12 it is x3 + 3(x4 − x3)/4 when the two newcomers score above: together they give x3 and x4), so the
    open pool publishes none: the mean and n only, in the CSV (empty cells, the columns kept), the JSON (null)
    and the command."""
    from maturity.app.logic import pool_csv
    from maturity.poolrelease import PublishedRows
    from maturity.questionnaire import load_questionnaire

    nis = _communes("60000")[:12]
    rows = [_row(n, economy=5.0 * (i + 1)) for i, n in enumerate(nis)]
    econ = pooled_reference(PublishedRows(rows)).wallonia.dimensions["economy"]
    assert (econ.n, econ.mean, econ.median, econ.q1, econ.q3) == (12, 32.5, None, None, None)
    assert pooled_reference(rows).wallonia.dimensions["economy"].median == 32.5  # a plain table: as before
    assert pooled_reference(rows, order_statistics=False).wallonia.dimensions["economy"].median is None
    q = load_questionnaire()
    csv_rows = pool_csv(q, PublishedRows(rows)).decode("utf-8").splitlines()
    assert csv_rows[0].split(",")[:8] == ["group", "key", "dimension", "n", "mean", "median", "q1", "q3"]
    wallonia_economy = next(r for r in csv_rows if r.startswith("wallonia,wallonia,economy,"))
    assert wallonia_economy.split(",")[3:8] == ["12", "32.50", "", "", ""]

    class Twelve(_FakeStore):
        def pool_rows(self):
            return rows  # even a plain list: the command is the open pool's

    monkeypatch.setattr(cli_benchmarks, "open_store", Twelve)
    assert cli.main(["benchmarks", "pool", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "n = 12   mean  32.5  (no median or quartiles for the open figures)" in out and "median  " not in out


def test_quartiles_interpolate_like_numpy_type_7():
    nis = _communes("60000")[:11]
    values = [3.5, 1, 7, 2, 9, 4, 4, 6, 8, 2.5, 5]
    ref = pooled_reference([_row(n, economy=v) for n, v in zip(nis, values, strict=True)])
    econ = ref.wallonia.dimensions["economy"]
    expected = pd.Series(values).quantile([0.25, 0.5, 0.75]).tolist()
    assert [econ.q1, econ.median, econ.q3] == pytest.approx(expected)
    assert econ.mean == pytest.approx(statistics.fmean(values))


def test_fewer_than_five_is_suppressed_with_no_number_at_all():
    rows = [_row(n, economy=v) for n, v in zip(_communes("90000")[:4], [1, 2, 3, 100], strict=True)]
    ref = pooled_reference(rows)
    for group in ref.groups():
        assert group.suppressed and group.n is None
        for st in group.dimensions.values():
            assert st.suppressed and _numbers(st) == (None, None, None, None, None)
        assert "5" in group.note("fr")
    assert not ref.regional_available
    assert ref.regional_note("de") == NO_REGIONAL_ESTIMATE["de"]
    assert "100" not in str(ref.wallonia.to_json())


def test_a_dimension_answered_by_fewer_than_five_is_suppressed():
    nis = _communes("60000")[:6]
    rows = [_row(n, mobility=(None if i < 2 else 70.0)) for i, n in enumerate(nis)]
    ref = pooled_reference(rows)
    assert ref.wallonia.n == 6
    assert ref.wallonia.dimensions["mobility"].suppressed
    assert ref.wallonia.dimensions["mobility"].mean is None
    assert ref.wallonia.dimensions["economy"].n == 6


def test_complementary_suppression_protects_a_small_province():
    rows = []
    for prov, count in (("20002", 6), ("50000", 7), ("60000", 8), ("80000", 9), ("90000", 1)):
        rows += [_row(n, economy=10.0 * (i + 1)) for i, n in enumerate(_communes(prov)[:count])]
    ref = pooled_reference(rows)
    econ = {k: g.dimensions["economy"] for k, g in ref.provinces.items()}
    assert ref.provinces["90000"].suppressed
    # Namur's single commune could be recovered from Wallonia and four provinces; so the smallest
    # published province (Brabant wallon, 6) is hidden too, and the hidden communes number >= 5
    assert econ["20002"].suppressed and not econ["50000"].suppressed
    hidden = sum(count for prov, count in (("20002", 6), ("90000", 1)) if econ[prov].suppressed)
    assert hidden >= MIN_N
    assert not ref.wallonia.dimensions["economy"].suppressed and ref.wallonia.n == 31


def test_one_row_per_commune_the_most_recent_kept():
    nis = _communes("90000")[:5]
    rows = [_row(n, 50.0) for n in nis]
    rows += [_row(nis[0], 90.0, when="2026-03-01"),  # newer: replaces
             _row(nis[1], 0.0, when="2025-01-01"),  # older: ignored
             _row(nis[2], 0.0, when=None),  # undated: older than any dated row
             _row(nis[3], 20.0, when="2026-01-15"), _row(nis[3], 30.0, when="2026-01-15")]  # tie: later row wins
    ref = pooled_reference(rows)
    econ = ref.wallonia.dimensions["economy"]
    assert econ.n == 5 and ref.rows_used == 5
    assert econ.mean == pytest.approx((90 + 50 + 50 + 30 + 50) / 5)
    assert ref.as_of == date(2026, 3, 1)
    assert "1ᵉʳ mars 2026" in ref.wallonia.source("fr") and "1 March 2026" in ref.wallonia.source("en")
    assert "assessments pooled by this tool" in ref.wallonia.source("en")


@pytest.mark.parametrize("class_id", [c[0] for c in POPULATION_CLASSES])
def test_peer_group_of_each_population_class(class_id):
    members = _communes(pop_class=class_id)
    assert len(members) >= MIN_N  # every class can be pooled (the smallest, 50k_plus, has 9)
    other_class = "lt5k" if class_id != "lt5k" else "5k_10k"
    rows = [_row(n, 40.0 + i) for i, n in enumerate(members[:MIN_N])]
    rows += [_row(n, 0.0) for n in _communes(pop_class=other_class)[:MIN_N]]
    ref = pooled_reference(rows)
    group = ref.population_classes[class_id]
    assert not group.suppressed and group.n == MIN_N
    assert group.dimensions["living"].mean == pytest.approx(42.0)
    assert ref.population_classes[other_class].dimensions["living"].mean == 0.0
    assert ref.peers(members[0])[-1] is group
    assert group.label("fr").startswith("Communes de ") and group.label("en").startswith("Communes with ")
    assert all(g.suppressed for k, g in ref.population_classes.items() if k not in {class_id, other_class})
    # with only 2 communes outside the class, publishing the class would reveal those 2 through the
    # Walloon mean: the class is hidden too (complementary suppression), Wallonia stays
    few = pooled_reference(rows[: MIN_N + 2])
    assert few.population_classes[class_id].dimensions["living"].suppressed
    assert few.wallonia.dimensions["living"].n == MIN_N + 2


def test_population_class_and_province_come_from_the_nis_code_when_missing():
    nis = _communes(pop_class="50k_plus")[:5]
    ref = pooled_reference([{"nis_code": n, "economy": 60.0} for n in nis])
    assert ref.population_classes["50k_plus"].n == 5
    assert sum(g.n or 0 for g in ref.provinces.values()) <= 5
    explicit = pooled_reference([{"nis_code": n, "province": "Namur", "population_class": "lt5k", "economy": 60.0}
                                 for n in nis])
    assert explicit.provinces["90000"].n == 5 and explicit.population_classes["lt5k"].n == 5


def test_a_pandas_dataframe_with_missing_scores():
    nis = _communes("50000")[:6]
    frame = pd.DataFrame([_row(n, 55.0, people=(None if i == 0 else 45.0)) for i, n in enumerate(nis)])
    ref = pooled_reference(frame)
    assert ref.wallonia.dimensions["people"].n == 5  # NaN counts as missing
    assert ref.wallonia.dimensions["people"].mean == pytest.approx(45.0)
    assert ref.provinces["50000"].dimensions["economy"].mean == pytest.approx(55.0)


@pytest.mark.parametrize(("bad", "path"), [
    ({"economy": 101}, "economy"), ({"economy": -1}, "economy"), ({"economy": "high"}, "economy"),
    ({"province": "Flandre"}, "province"), ({"population_class": "huge"}, "population_class"),
])
def test_invalid_rows_are_refused_with_their_place(bad, path):
    nis = _communes("90000")[:5]
    rows = [_row(n) for n in nis]
    rows[2].update(bad)
    with pytest.raises(InvalidInput) as err:
        pooled_reference(rows)
    assert [p.path for p in err.value.problems] == [f"{nis[2]}.{path}"]


# --- the estimate question ---------------------------------------------------------------------------


def test_no_estimate_is_derived_and_the_explanation_is_translated():
    assert regional_estimate(load_benchmark_sets()) is None
    texts = [no_regional_estimate(lang) for lang in ("fr", "de", "en")]
    assert len(set(texts)) == 3
    assert "Pas encore de repère régional" in texts[0] and "5 communes" in texts[0]
    assert "Noch kein regionaler Vergleichswert" in texts[1] and "5 Gemeinden" in texts[1]
    assert "No regional reference per dimension yet" in texts[2] and "5 communes" in texts[2]
    assert no_regional_estimate("xx") == texts[0]
    # nothing shipped is an estimate: no estimated series can sneak into a chart as a measured mean
    assert all(f.kind != "estimate" for s in load_benchmark_sets() for f in s.figures)


def test_pooled_results_never_look_like_estimates():
    ref = pooled_reference([_row(n) for n in _communes("90000")[:5]])
    for group in ref.groups():
        assert group.kind == "pooled"
        assert group.to_json()["kind"] == "pooled"


# --- importing a CSV of scores -------------------------------------------------------------------------------

HEADER = "nis_code," + ",".join(DIMENSIONS)


def test_read_scores_csv_accepts_bom_semicolons_and_decimal_commas(tmp_path):
    nis = _communes("90000")[:2]
    path = tmp_path / "scores.csv"
    path.write_bytes(("\ufeff" + HEADER.replace(",", ";") + ";name\r\n"
                      f"{nis[0]};57,5;;10;20;30;40;Namur\r\n\r\n"
                      f"{nis[1]};0;100;1;2;3;4;x\r\n").encode("utf-8"))
    rows = scores_csv.read_scores_csv(path)
    assert rows[0] == {"nis_code": nis[0], "economy": 57.5, "people": None, "governance": 10.0, "mobility": 20.0,
                       "environment": 30.0, "living": 40.0}
    assert rows[1]["people"] == 100.0 and len(rows) == 2


def test_read_scores_csv_names_row_column_and_line(tmp_path):
    good = _communes("90000")[0]
    path = tmp_path / "bad.csv"
    path.write_text(
        HEADER + "\n"
        f"{good},50,50,50,50,50,50\n"
        "12345,50,50,50,50,50,50\n"
        f"{good},50,50,50,50,50,50\n"
        f"{_communes('60000')[0]},abc,150,50,50,nan,\n"
        "92094,1,2\n", encoding="utf-8")
    with pytest.raises(InvalidInput) as err:
        scores_csv.read_scores_csv(path)
    found = {(p.line, p.path): p.message for p in err.value.problems}
    assert set(found) == {
        (3, "row 2, column nis_code"), (4, "row 3, column nis_code"), (5, "row 4, column economy"),
        (5, "row 4, column people"), (5, "row 4, column environment"), (6, "row 5")}
    assert "'12345' is not the NIS code of a Walloon commune" in found[(3, "row 2, column nis_code")]
    assert "already appears in row 1" in found[(4, "row 3, column nis_code")]
    assert "outside 0–100" in found[(5, "row 4, column people")]
    assert all(p.file == str(path) for p in err.value.problems)


@pytest.mark.parametrize(("content", "words"), [
    ("", "empty"),
    (HEADER + "\n", "no data rows"),
    ("nis_code,economy\n92094,1\n", "missing column 'people'"),
    (HEADER + ",score\n", "unknown column 'score'"),
    (HEADER + ",economy\n", "appears twice"),
])
def test_read_scores_csv_refuses_malformed_files(tmp_path, content, words):
    path = tmp_path / "x.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InvalidInput) as err:
        scores_csv.read_scores_csv(path)
    assert words in str(err.value)


def test_read_scores_csv_refuses_huge_and_binary_files(tmp_path):
    path = tmp_path / "huge.csv"
    path.write_text(HEADER + "\n" + ("92094,1,1,1,1,1,1\n" * 70_000), encoding="utf-8")
    with pytest.raises(InvalidInput) as err:
        scores_csv.read_scores_csv(path)
    assert "too large" in str(err.value)
    binary = tmp_path / "bin.csv"
    binary.write_bytes(b"nis_code\x00\x01")
    with pytest.raises(InvalidInput, match="NUL"):
        scores_csv.read_scores_csv(binary)


class _FakeStore:
    calls: ClassVar[list] = []
    pending: ClassVar[int] = 0

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return None

    def import_pool_rows(self, rows, source):
        self.calls.append((rows, source))
        return len(rows)

    def pool_rows(self):
        return [_row(n, 60.0) for n in _communes("90000")[:5]]

    def pool_entries(self):
        return [{"status": "pending"}] * self.pending + [{"status": "counted"}] * 5


def test_import_command_stores_valid_rows_and_nothing_on_error(tmp_path, monkeypatch, capsys):
    _FakeStore.calls = []
    monkeypatch.setattr(cli_benchmarks, "open_store", _FakeStore)
    nis = _communes("90000")[:2]
    good = tmp_path / "good.csv"
    good.write_text(HEADER + "\n" + "".join(f"{n},10,20,30,40,50,60\n" for n in nis), encoding="utf-8")
    assert cli.main(["benchmarks", "import", str(good), "--source", "Baromètre 2025", "--date", "2025-10-01"]) == 0
    rows, source = _FakeStore.calls[-1]
    assert source == "Baromètre 2025" and [r["nis_code"] for r in rows] == nis
    assert rows[0]["submitted_at"] == "2025-10-01" and rows[0]["living"] == 60.0
    assert "2 lignes importées" in capsys.readouterr().out

    bad = tmp_path / "bad.csv"
    bad.write_text(HEADER + "\n" + f"{nis[0]},10,20,30,40,50,600\n", encoding="utf-8")
    before = len(_FakeStore.calls)
    assert cli.main(["benchmarks", "import", str(bad)]) == 1
    assert len(_FakeStore.calls) == before  # nothing handed to storage
    assert f"{bad}:2: row 1, column living: 600 is outside 0–100" in capsys.readouterr().err
    with pytest.raises(SystemExit) as usage:
        cli.main(["benchmarks", "import"])
    assert usage.value.code == 2


def test_pool_command_prints_the_reference(monkeypatch, capsys):
    monkeypatch.setattr(cli_benchmarks, "open_store", _FakeStore)
    assert cli.main(["benchmarks", "pool", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    # the source says the kind: « pooled; » before it was said twice, in English in every language
    assert "Wallonia (assessments pooled by this tool, as of 15 January 2026): n = 5" in out
    assert "Province: Namur (assessments pooled" in out and "pooled;" not in out
    assert sorted(PROVINCES)[0] and "No regional reference" not in out
    assert "wait for the administrator" not in out
    # 5 communes: the mean and n, never a median that would be one commune's score
    # each dimension by its name, as the radar names it (its id was printed)
    assert "  Smart Economy     n = 5    mean  60.0  (no median or quartiles for the open figures)" in out
    assert "median  60.0" not in out and "economy" not in out
    assert cli.main(["benchmarks", "pool", "--lang", "fr"]) == 0
    out = capsys.readouterr().out
    assert "Wallonie (auto-évaluations mises en commun par cet outil, au 15 janvier 2026)\u00a0: n = 5" in out
    assert "  Smart Economy – Économie                n = 5    moyenne  60,0  (pas de médiane ni de quartiles pour " \
           "les chiffres ouverts)" in out
    assert cli.main(["benchmarks", "pool", "--lang", "de"]) == 0
    out = capsys.readouterr().out
    assert "Wallonie (mit diesem Werkzeug zusammengeführte Selbstbewertungen, Stand 15. Januar 2026): n = 5" in out
    assert "  Smart Economy – Wirtschaft                  n = 5    Mittelwert  60,0  (kein Median und keine Quartile " \
           "für die offenen Zahlen)" in out


def test_pool_command_says_why_a_group_is_hidden_since_a_withdrawal(monkeypatch, capsys):
    from maturity.poolrelease import PublishedRows

    rows = [_row(n, 60.0) for n in _communes("90000")[:6]]
    monkeypatch.setattr(cli_benchmarks, "open_store", _FakeStore)
    monkeypatch.setattr(_FakeStore, "pool_rows",
                        lambda self: PublishedRows(rows, {}, {"wallonia", "province:90000"}))
    assert cli.main(["benchmarks", "pool", "--lang", "fr"]) == 0
    lines = capsys.readouterr().out.splitlines()
    held = "Les chiffres de ce groupe sont masqués depuis qu'une commune a retiré son auto-évaluation"
    assert lines[0].startswith(held), lines  # Wallonia's: in place of the regional series, once
    namur = next(i for i, line in enumerate(lines) if "Namur (auto-évaluations" in line)
    assert lines[namur].endswith(": —") and lines[namur + 1].startswith(f"  {held}"), lines
    assert sum(held in line for line in lines) == 2


def test_pool_command_json_says_which_groups_are_held(monkeypatch, capsys):
    """--json says per group whether it is hidden since a withdrawal (additive ``held``, with the reason in
    ``note``), so that a script tells it from a group of fewer than 5; the earlier fields are unchanged."""
    from maturity.poolrelease import PublishedRows

    rows = [_row(n, 60.0) for n in _communes("90000")[:6]]
    monkeypatch.setattr(cli_benchmarks, "open_store", _FakeStore)
    monkeypatch.setattr(_FakeStore, "pool_rows",
                        lambda self: PublishedRows(rows, {}, {"wallonia", "province:90000"}))
    assert cli.main(["benchmarks", "pool", "--json", "--lang", "de"]) == 0
    out = json.loads(capsys.readouterr().out)
    groups = {(g["group"], g["key"]): g for g in out["groups"]}
    held = {key for key, g in groups.items() if g["held"]}
    assert held == {("wallonia", "wallonia"), ("province", "90000")}, held
    namur = groups[("province", "90000")]
    assert namur["suppressed"] and namur["n"] is None
    assert namur["note"].startswith("Die Zahlen dieser Gruppe sind ausgeblendet, seit eine Gemeinde")
    liege = groups[("province", "60000")]  # no commune there: suppressed, not held
    assert not liege["held"] and liege["suppressed"] and liege["note"].startswith(SUPPRESSED_NOTE["de"][:30])
    assert out["regional_note"].startswith("Die Zahlen dieser Gruppe sind ausgeblendet")
    # the fields before this one are kept, in their order
    assert list(namur)[:10] == ["group", "key", "kind", "suppressed", "n", "as_of", "source", "quantile_method",
                                "min_n_quartiles", "dimensions"]


def test_pool_command_says_what_waits_for_the_admin(monkeypatch, capsys):
    """The figures count confirmed entries only (Store.pool_rows); the command says how many wait."""
    monkeypatch.setattr(cli_benchmarks, "open_store", _FakeStore)
    monkeypatch.setattr(_FakeStore, "pending", 3)
    assert cli.main(["benchmarks", "pool", "--lang", "fr"]) == 0
    out = capsys.readouterr().out
    assert "3 entrées partagées attendent la confirmation de l'administrateur (page Administration)" in out
    assert "elles ne comptent dans aucun chiffre ci-dessous." in out
    assert cli.main(["benchmarks", "pool", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["pending"] == 3
