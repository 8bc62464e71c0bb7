"""The privacy notice and "download everything" in the app (issue 17: there was no privacy notice and
snapshots could not be downloaded)."""

from __future__ import annotations

from conftest import goto, new_app, started


def test_the_privacy_notice_names_the_controller_contact_and_retention(mini, monkeypatch):
    monkeypatch.setenv("MATURITY_PRIVACY_CONTROLLER", "Commune de Namur [x](javascript:alert(1))")
    monkeypatch.setenv("MATURITY_PRIVACY_CONTACT", "dpo@namur.be")
    monkeypatch.setenv("MATURITY_RETENTION_DAYS", "730")
    at = new_app()
    at.run()
    goto(at, "vie_privee")
    text = " ".join(m.value for m in at.markdown)
    assert "Commune de Namur" in text and "dpo" in text and "730 jours" in text
    assert "](javascript" not in text  # configured text is shown as text
    assert "fonction" in text and "adresse IP" in text
    assert not at.warning


def test_an_unconfigured_install_says_so(mini, monkeypatch):
    monkeypatch.delenv("MATURITY_PRIVACY_CONTROLLER", raising=False)
    monkeypatch.delenv("MATURITY_PRIVACY_CONTACT", raising=False)
    at = new_app()
    at.run()
    goto(at, "vie_privee")
    assert any("MATURITY_PRIVACY_CONTROLLER" in w.value for w in at.warning)


def test_the_questionnaire_offers_to_download_everything(mini):
    at = started()
    keys = [b.proto.id for b in at.get("download_button")]
    assert any("dl_everything" in k for k in keys), keys
