"""The two answers that are not one of a question's options (contract §2): ``na``, the question does not
apply to the commune, and ``unknown``, the commune does not know.

Apart from :mod:`maturity.models`, so that the shared labels and the app's texts name them without
importing pydantic and the models (the app's first page draws without them; issue 16: cold start).
"""

from __future__ import annotations

NA = "na"
UNKNOWN = "unknown"
