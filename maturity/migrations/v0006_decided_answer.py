"""Version 6: a meeting's reason keeps the final answer it was given for.

- ``team_decisions.answer_json``: the final answer the holder kept when typing « Pourquoi ce choix » (contract §8
  ``kept``). An answer changed afterwards on the questionnaire is then no longer the one the reason explains, and
  the sheet does not print the reason beside it.
- Every reason stored before this version gets the draft's answer of now: it is read as it was (the reason of the
  final answer), and only a change made from now on can set it apart. A reason without a final answer keeps NULL
  (read as before).

A migration declares its own tables; it never imports them from ``maturity.storage``.
"""

from __future__ import annotations

import sqlalchemy as sa

VERSION = 6
DESCRIPTION = "team decisions keep the final answer their reason was given for"


def upgrade(conn: sa.Connection) -> None:
    conn.execute(sa.text("ALTER TABLE team_decisions ADD COLUMN answer_json TEXT"))
    conn.execute(sa.text(
        "UPDATE team_decisions SET answer_json = (SELECT d.value_json FROM draft_answers d"
        " WHERE d.space_id = team_decisions.space_id AND d.question_id = team_decisions.question_id)"))
