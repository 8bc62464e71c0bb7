"""The open pool's published figures change in releases, never by one commune (maturity.poolrelease, no database)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from maturity import poolrelease
from maturity.aggregates import choose_reference
from maturity.communes import communes
from maturity.pool import HELD_NOTE, pooled_reference

T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
DIMS = ("economy", "people")


def _pick(province: str, size: str, count: int, skip: int = 0) -> list[str]:
    found = sorted(c.nis_code for c in communes().values() if c.province_nis == province and c.population_class == size)
    return found[skip:skip + count]


NAMUR_5K = _pick("90000", "5k_10k", 12)  # Namur province, 5,000 to 10,000 inhabitants


def entry(i: int, nis: str, value: float, *, confirmed: bool = True, withdrawn: bool = False) -> dict:
    return {"id": i, "nis_code": nis, "submitted_at": T0 + timedelta(minutes=i), "source": "assessment",
            "questionnaire_version": "1", "scores": {"economy": value, "people": value + 1},
            "withdrawn": withdrawn, "confirmed_at": T0 + timedelta(minutes=i) if confirmed else None,
            "space_fingerprint": f"s-{nis}"}


def released(entries: list[dict], state: dict | None = None) -> dict:
    return poolrelease.release(entries, T0 + timedelta(days=1), state, DIMS)


def figures(entries: list[dict], state: dict | None):
    return pooled_reference(poolrelease.published_rows(entries, state), DIMS)


def test_before_any_release_the_figures_are_the_counted_entries() -> None:
    entries = [entry(i, nis, 40.0 + i) for i, nis in enumerate(NAMUR_5K[:5], start=1)]
    ref = figures(entries, None)
    assert ref.wallonia.n == 5 and ref.wallonia.dimensions["economy"].mean == 43.0


def test_one_more_commune_waits_and_two_together_are_published() -> None:
    entries = [entry(i, nis, 40.0 + i) for i, nis in enumerate(NAMUR_5K[:6], start=1)]
    state = released(entries)
    entries.append(entry(7, NAMUR_5K[6], 90.0))  # an invitation's entry: counted on arrival
    plan = poolrelease.plan(entries, state, DIMS)
    assert plan.waiting and not plan.safe and plan.read == [NAMUR_5K[6]]
    assert [(g.key, g.n_before, g.n_after) for g in plan.revealing()] == [
        ("wallonia", 6, 7), ("province:90000", 6, 7), ("population_class:5k_10k", 6, 7)]
    ref = figures(entries, state)  # what everyone sees: still the six communes, Anhée's 90 nowhere
    assert ref.wallonia.n == 6 and ref.wallonia.dimensions["economy"].mean == 43.5
    entries.append(entry(8, NAMUR_5K[7], 10.0))
    plan = poolrelease.plan(entries, state, DIMS)
    assert plan.waiting and plan.safe and not plan.revealing()
    state = released(entries, state)
    assert figures(entries, state).wallonia.n == 8
    assert not poolrelease.plan(entries, state, DIMS).waiting


def test_a_withdrawal_hides_its_groups_at_once_until_they_change_by_two() -> None:
    entries = [entry(i, nis, 40.0 + i) for i, nis in enumerate(NAMUR_5K[:7], start=1)]
    state = released(entries)
    entries[2]["withdrawn"] = True  # the commune takes its entry back: out of every figure now
    rows = poolrelease.published_rows(entries, state)
    assert all(r["nis_code"] != NAMUR_5K[2] for r in rows)
    assert rows.held == {"wallonia", "province:90000", "population_class:5k_10k"}
    ref = pooled_reference(rows, DIMS)
    # six communes left, but showing them would give the seventh's scores: hidden, and said why
    assert ref.wallonia.suppressed and ref.wallonia.held and ref.wallonia.n is None
    assert ref.regional_note("fr") == HELD_NOTE["fr"] and ref.provinces["90000"].note("de") == HELD_NOTE["de"]
    # the radar's note says why there is no Walloon line, not « fewer than 5 communes »
    assert choose_reference([], ref, NAMUR_5K[0], "fr").note == HELD_NOTE["fr"]
    plan = poolrelease.plan(entries, state, DIMS)
    assert not plan.safe and plan.read == [NAMUR_5K[2]]
    assert plan.held == ["wallonia", "province:90000", "population_class:5k_10k"]  # in the figures' order
    entries.append(entry(8, NAMUR_5K[7], 10.0))  # one more commune: its groups changed by two
    plan = poolrelease.plan(entries, state, DIMS)
    assert plan.safe, plan.read
    state = released(entries, state)
    ref = figures(entries, state)
    assert ref.wallonia.n == 7 and not ref.wallonia.held


def test_a_cell_no_longer_shown_does_not_hold_its_group_after_a_withdrawal() -> None:
    """« people » was shown with five communes, then hidden (four left, two joined without it): a withdrawal
    among those five must not hide the group once a release has shown it without that cell."""
    entries = [entry(i, nis, 40.0 + i) for i, nis in enumerate(NAMUR_5K[:6], start=1)]
    entries[5]["scores"]["people"] = None  # the sixth did not score « people »: five did
    state = released(entries)
    assert state["shown"]["wallonia"] == ["economy", "people"]
    entries[0]["withdrawn"] = True
    entries += [entry(7, NAMUR_5K[6], 50.0), entry(8, NAMUR_5K[7], 60.0)]
    for e in entries[-2:]:
        e["scores"]["people"] = None
    plan = poolrelease.plan(entries, state, DIMS)
    assert plan.safe
    state = released(entries, state)
    assert state["shown"]["wallonia"] == ["economy"]
    ref = figures(entries, state)
    assert not ref.wallonia.held and ref.wallonia.n == 7 and ref.wallonia.dimensions["people"].suppressed


def test_an_erased_entry_hides_its_groups_with_no_trace_of_its_commune() -> None:
    entries = [entry(i, nis, 40.0 + i) for i, nis in enumerate(NAMUR_5K[:7], start=1)]
    state = released(entries)
    del entries[2]  # its space erased: the row is gone
    assert figures(entries, state).wallonia.held
    plan = poolrelease.plan(entries, state, DIMS)
    assert not plan.safe and plan.read == [""]  # the state keeps its id only, not its commune


def test_a_withdrawn_commune_alone_in_a_group_beside_unchanged_groups_is_not_shown_again() -> None:
    # the admin's publication would give the withdrawn commune's scores: plan says which commune
    entries = [entry(i, nis, 40.0 + i) for i, nis in enumerate(NAMUR_5K[:7], start=1)]
    state = released(entries)
    entries[0]["withdrawn"] = True
    assert poolrelease.plan(entries, state, DIMS).read == [NAMUR_5K[0]]
    state = released(entries, state)  # published anyway: the six are shown from now on
    assert figures(entries, state).wallonia.n == 6


def test_determined_reads_a_commune_from_a_combination_of_groups() -> None:
    # Wallonia gained 1, 2, 3; the province gained 1, 2: Wallonia minus the province is 3 alone
    assert poolrelease.determined([{1, 2, 3}, {1, 2}], [{1}, {2}, {3}]) == [2]
    # a 2 × 2 table's margins never give a cell
    assert poolrelease.determined([{1, 2}, {3, 4}, {1, 3}, {2, 4}], [{1}, {2}, {3}, {4}]) == []
    # a commune's old and new entries: the difference is the change of its scores
    assert poolrelease.determined([{1, 9}, {2, 9}], [{1, 2}, {9}]) == [0]


def test_every_group_changing_by_two_can_still_give_one_commune_away() -> None:
    """Wallonia gains a, b, c; the province of Namur a, b; the 5,000–10,000 class b, c; the others are
    hidden (fewer than 5). No group changes by one commune, yet Wallonia minus Namur is c, and Wallonia
    minus the class is a: the per-group warning misses it, the release waits."""
    namur_5k, namur_10k = _pick("90000", "5k_10k", 5), _pick("90000", "10k_20k", 3)
    members = (namur_5k[:4] + namur_10k[:2] + _pick("50000", "lt5k", 6) + _pick("80000", "5k_10k", 1)
               + _pick("80000", "lt5k", 2) + _pick("20002", "20k_50k", 3))
    entries = [entry(i, nis, 30.0 + i) for i, nis in enumerate(members, start=1)]
    state = released(entries)
    before = figures(entries, state)
    assert before.provinces["90000"].n == 6 and before.population_classes["5k_10k"].n == 5
    assert before.provinces["80000"].suppressed and before.population_classes["10k_20k"].suppressed
    a, b, c = namur_10k[2], namur_5k[4], _pick("80000", "5k_10k", 1, skip=1)[0]
    entries += [entry(100, a, 80.0), entry(101, b, 20.0), entry(102, c, 60.0)]
    plan = poolrelease.plan(entries, state, DIMS)
    assert {g.key: g.changed for g in plan.groups} == {"wallonia": 3, "province:90000": 2,
                                                       "population_class:5k_10k": 2}
    assert not plan.revealing()
    assert set(plan.read) == {a, b, c} and not plan.safe


def test_three_releases_combined_give_a_commune_that_no_two_in_a_row_give() -> None:
    """Release 1: five communes and A. A is then disputed (a stranger's entry from another space counts too:
    neither counts) while B and C join: release 2 is the five, B and C. The dispute is settled (A's entry
    counts again) and C withdraws: the five, A and B. From release 2 to 3, A came and C left (two communes);
    but release 3 minus release 1 is B alone. Whoever kept release 1 reads B's scores: it waits."""
    five, a, b, c = NAMUR_5K[:5], NAMUR_5K[5], NAMUR_5K[6], NAMUR_5K[7]
    entries = [entry(i, nis, 40.0 + i) for i, nis in enumerate([*five, a], start=1)]
    state = released(entries)
    history = [poolrelease.shown_cells(state)]
    stranger = dict(entry(7, a, 0.0), space_fingerprint="s-stranger")
    entries += [stranger, entry(8, b, 70.0), entry(9, c, 20.0)]
    plan = poolrelease.plan(entries, state, DIMS, shown_before=history)
    assert plan.safe and plan.ids == [1, 2, 3, 4, 5, 8, 9]  # A out (disputed), B and C in
    state = released(entries, state)
    history.append(poolrelease.shown_cells(state))
    stranger["withdrawn"] = True  # the dispute settled: A's own entry counts again
    entries[-1]["withdrawn"] = True  # C withdraws
    plan = poolrelease.plan(entries, state, DIMS, shown_before=history)
    assert plan.ids == [1, 2, 3, 4, 5, 6, 8]
    assert not plan.safe and plan.read == [b]
    # the last showing alone (all the check had before): A and C changed, nobody read
    assert poolrelease.plan(entries, state, DIMS).safe


def test_the_history_keeps_a_dimension_shown_with_its_groups_members_once() -> None:
    found = {"wallonia": {"*": [1, 2, 3, 4, 5, 6], "economy": [1, 2, 3, 4, 5, 6], "people": [1, 2, 3, 4, 5]}}
    assert poolrelease.compact(found) == {"wallonia": {"*": [1, 2, 3, 4, 5, 6], "economy": "*",
                                                       "people": [1, 2, 3, 4, 5]}}
    assert poolrelease.expand(poolrelease.compact(found)) == found


def test_an_admin_publishing_a_commune_once_does_not_excuse_its_next_scores() -> None:
    """Published anyway with A's withdrawal readable: A's new entry, alone, is still read (more of A)."""
    entries = [entry(i, nis, 40.0 + i) for i, nis in enumerate(NAMUR_5K[:7], start=1)]
    state = released(entries)
    history = [poolrelease.shown_cells(state)]
    entries[0]["withdrawn"] = True
    assert poolrelease.plan(entries, state, DIMS, shown_before=history).read == [NAMUR_5K[0]]
    state = released(entries, state)  # the admin publishes anyway: the first commune's scores are known
    history.append(poolrelease.shown_cells(state))
    entries.append(entry(8, NAMUR_5K[0], 90.0))  # it shares again, alone
    plan = poolrelease.plan(entries, state, DIMS, shown_before=history)
    assert not plan.safe and plan.read == [NAMUR_5K[0]]
