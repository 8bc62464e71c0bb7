"""Storage faults as the user sees them (issue 17): a read-only database told the holder that their
assessment was deleted, showed the server's file path and logged nothing."""

from __future__ import annotations

import logging

from conftest import PAGES, new_app

from maturity.storage import StorageError, Store

SECRET_PATH = "/srv/secret-place/maturity.sqlite3"


def read_only(*_args, **_kwargs):
    raise StorageError("read_only", SECRET_PATH, detail="OperationalError: attempt to write a readonly database")


def page_text(at) -> str:
    return " ".join(e.value for kind in ("error", "warning", "info", "title", "markdown", "caption")
                    for e in getattr(at, kind))


def test_a_read_only_database_is_said_plainly_and_the_link_stays(mini, store, monkeypatch, caplog):
    token = store.open_space("92094", "mini", "1.0", "fr")
    store.save_answer(token, "a1", "full")
    store.close()
    real = Store.from_env.__func__
    monkeypatch.setattr(Store, "from_env", classmethod(read_only))
    caplog.set_level(logging.ERROR, logger="maturity.app")
    at = new_app(token)
    at.run()
    at.switch_page(f"{PAGES}/questionnaire.py").run()
    at.run()
    assert not at.exception
    text = page_text(at)
    assert "lecture seule" in text and "lien de reprise reste valable" in text
    assert SECRET_PATH not in text and "readonly" not in text
    assert "supprimé" not in text  # it was not deleted, and the page must not say so
    assert len(at.error) == 1  # said once
    assert at.query_params["t"] in (token, [token])
    causes = [r for r in caplog.records if "read_only" in r.getMessage()]
    assert len(causes) == 1 and SECRET_PATH in causes[0].getMessage()
    # The disk is back: the same session finds the assessment again.
    monkeypatch.setattr(Store, "from_env", classmethod(real))
    at.run()
    assert not at.error, page_text(at)
    assert at.radio(key="ans_a1").value == "full", page_text(at)


def test_a_full_disk_during_a_save_is_said_without_paths(mini, store, monkeypatch, caplog):
    token = store.open_space("92094", "mini", "1.0", "fr")
    at = new_app(token)
    at.run()
    at.switch_page(f"{PAGES}/questionnaire.py").run()

    def full(self, *args, **kwargs):
        raise StorageError("disk_full", SECRET_PATH, detail="OSError: [Errno 28] No space left on device")

    monkeypatch.setattr(Store, "save_answer", full)
    caplog.set_level(logging.ERROR, logger="maturity.app")
    at.radio(key="ans_a1").set_value("full").run()
    at.radio(key="ans_a2").set_value("yes").run()
    text = page_text(at)
    assert "disque du serveur est plein" in text and SECRET_PATH not in text
    assert any("pas encore enregistrée" in w.value for w in at.warning)
    assert len([r for r in caplog.records if "disk_full" in r.getMessage()]) == 1
