"""The privacy notice and "download everything" in the app (issue 17: there was no privacy notice and
snapshots could not be downloaded)."""

from __future__ import annotations

import logging
import threading

from conftest import goto, new_app, started

from maturity import privacy


def test_the_privacy_notice_names_the_controller_contact_and_retention(mini, monkeypatch):
    monkeypatch.setenv("MATURITY_PRIVACY_CONTROLLER", "Commune de Namur [x](javascript:alert(1))")
    monkeypatch.setenv("MATURITY_PRIVACY_CONTACT", "dpo@namur.be")
    monkeypatch.setenv("MATURITY_RETENTION_DAYS", "730")
    at = new_app()
    at.run()
    goto(at, "vie_privee")
    text = " ".join(m.value for m in at.markdown)
    assert "Commune de Namur" in text and "dpo" in text and "pendant **2 ans (730 jours)** est effacé" in text
    assert "](javascript" not in text  # configured text is shown as text
    assert "[dpo\\@namur.be](<mailto:dpo@namur.be>)" in text  # the address to write to, a link on purpose
    assert "fonction" in text and "adresse IP" in text
    # a team's data too: each colleague's role, own answers and notes, who sees them, downloaded and erased
    assert "**En équipe**" in text and "ses propres réponses et notes" in text and "«\u00a0Vos données\u00a0»" in text
    assert not at.warning


def test_an_unconfigured_install_says_so_in_plain_words_and_names_the_settings_to_its_operator(
        mini, monkeypatch, caplog):
    monkeypatch.delenv("MATURITY_PRIVACY_CONTROLLER", raising=False)
    monkeypatch.delenv("MATURITY_PRIVACY_CONTACT", raising=False)
    monkeypatch.setattr(privacy, "_told", threading.Event())
    at = new_app()
    at.run()
    with caplog.at_level(logging.WARNING, logger="maturity.privacy"):
        goto(at, "vie_privee")
        at.run()
    warning = " ".join(w.value for w in at.warning)
    assert "responsable de vos données" in warning and "vous a donné l'adresse" in warning
    assert "MATURITY_" not in warning  # a commune official has nothing to set
    told = [r.getMessage() for r in caplog.records if r.name == "maturity.privacy"]
    assert len(told) == 1, told  # once per process, not at every visit
    assert "MATURITY_PRIVACY_CONTROLLER and MATURITY_PRIVACY_CONTACT" in told[0]


def test_the_questionnaire_offers_to_download_everything(mini):
    at = started()
    keys = [b.proto.id for b in at.get("download_button")]
    assert any("dl_everything" in k for k in keys), keys


def test_the_retention_period_is_said_in_days_when_not_whole_years(mini, monkeypatch):
    monkeypatch.setenv("MATURITY_RETENTION_DAYS", "400")
    at = new_app()
    at.run()
    goto(at, "vie_privee")
    assert "pendant **400 jours** est effacé" in " ".join(m.value for m in at.markdown)
