"""Which open-pool entries count, and what confirming some would change (maturity.poolstatus, no database)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from maturity import poolrelease, poolstatus
from maturity.pool import pooled_reference

T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
NAMUR_PROVINCE = ["91005", "91013", "91015", "91030", "91034", "91054", "91059", "91064"]  # Anhée, Beauraing…


def entry(i: int, nis: str, value: float, *, confirmed: bool = True, space: str | None = None,
          withdrawn: bool = False, source: str = "assessment") -> dict:
    return {"id": i, "nis_code": nis, "submitted_at": T0 + timedelta(minutes=i), "source": source,
            "questionnaire_version": "1", "scores": {"economy": value, "people": value},
            "withdrawn": withdrawn, "confirmed_at": T0 + timedelta(minutes=i) if confirmed else None,
            "space_fingerprint": space or f"s-{nis}"}


def test_a_pending_entry_counts_in_nothing() -> None:
    entries = [entry(i, nis, 50.0) for i, nis in enumerate(NAMUR_PROVINCE[:4], start=1)]
    entries.append(entry(5, NAMUR_PROVINCE[4], 0.0, confirmed=False))
    assert poolstatus.statuses(entries)[5] == "pending"
    rows = poolstatus.counted_rows(entries)
    assert [r["nis_code"] for r in rows] == NAMUR_PROVINCE[:4]
    assert pooled_reference(rows, ["economy"]).wallonia.suppressed  # 4 confirmed: no figure, whatever waits
    after = poolstatus.counted_rows(poolstatus.with_confirmed(entries, [5]))
    assert pooled_reference(after, ["economy"]).wallonia.n == 5


def test_statuses() -> None:
    entries = [
        entry(1, "92094", 40.0),  # Namur, superseded by its own space's later entry
        entry(2, "92094", 55.0),
        entry(3, "92094", 1.0, confirmed=False, space="s-stranger"),  # waits: disputes nothing
        entry(4, "25072", 70.0),
        entry(5, "25072", 0.0, space="s-other"),  # confirmed from another space: Nivelles disputed
        entry(6, "62063", 30.0, withdrawn=True),
        entry(7, "62063", 31.0, source="Baromètre 2024"),  # an import: never disputed by assessments
    ]
    assert poolstatus.statuses(entries) == {1: "superseded", 2: "counted", 3: "pending", 4: "disputed",
                                            5: "disputed", 6: "withdrawn", 7: "counted"}
    assert [(r["nis_code"], r["economy"]) for r in poolstatus.counted_rows(entries)] == [("62063", 31.0),
                                                                                        ("92094", 55.0)]
    assert poolstatus.disputed_communes(entries) == {"25072"}


def plan(entries: list[dict], ids: list[int], dims: list[str]) -> poolrelease.Plan:
    """What confirming ``ids`` would do to the figures published from the entries as they are."""
    state = poolrelease.release(entries, T0, None, dims)
    return poolrelease.plan(poolstatus.with_confirmed(entries, ids), state, dims)


def test_confirming_one_entry_changes_published_groups_by_one_commune() -> None:
    entries = [entry(i, nis, 40.0 + i) for i, nis in enumerate(NAMUR_PROVINCE[:6], start=1)]
    entries += [entry(7, NAMUR_PROVINCE[6], 90.0, confirmed=False), entry(8, NAMUR_PROVINCE[7], 10.0, confirmed=False)]
    one = plan(entries, [7], ["economy", "people"])
    assert [(g.key, g.n_before, g.n_after, g.changed) for g in one.revealing()] == [
        ("wallonia", 6, 7, 1), ("province:90000", 6, 7, 1)]
    assert one.waiting and not one.safe and one.read == [NAMUR_PROVINCE[6]]
    # Hamois's class (5 000 to 10 000 inhabitants) had 2 communes before: no figure was published, none to subtract
    assert "population_class:5k_10k" not in {g.key for g in one.groups}
    # two together: each group changes by two communes, and nobody reads either one's scores from the difference
    assert plan(entries, [7, 8], ["economy", "people"]).safe
    # nothing pending chosen, or an id that is no pending entry: nothing changes
    assert not plan(entries, [], ["economy"]).waiting
    assert not plan(entries, [3], ["economy"]).waiting


def test_a_group_that_reaches_5_reveals_nothing_by_difference() -> None:
    entries = [entry(i, nis, 40.0) for i, nis in enumerate(NAMUR_PROVINCE[:4], start=1)]
    entries.append(entry(5, NAMUR_PROVINCE[4], 60.0, confirmed=False))
    five = plan(entries, [5], ["economy"])
    assert five.waiting and five.safe and not five.groups


def test_a_confirmation_that_disputes_a_commune_changes_its_groups_by_one() -> None:
    """Confirming a second space's entry for a counted commune holds that commune out: its groups lose
    exactly one commune, whose scores the difference gives away."""
    entries = [entry(i, nis, 40.0 + i) for i, nis in enumerate(NAMUR_PROVINCE[:6], start=1)]
    entries.append(entry(7, NAMUR_PROVINCE[0], 0.0, confirmed=False, space="s-stranger"))
    namur = next(g for g in plan(entries, [7], ["economy"]).revealing() if g.key == "province:90000")
    assert (namur.n_before, namur.n_after, namur.changed) == (6, 5, 1)
    assert poolstatus.newly_disputed(entries, [7]) == [NAMUR_PROVINCE[0]]
    assert poolstatus.newly_disputed(entries, []) == []
