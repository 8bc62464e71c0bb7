"""The Streamlit web app (pages in ``pages/``, texts in ``texts.py``, UI logic in ``logic.py``)."""
