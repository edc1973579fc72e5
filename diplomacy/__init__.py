"""diplomacy: news articles in, a reviewed record of who met whom out.

The Celery app (`diplomacy.celery`) is loaded by the articles app when Django
starts, not here, so that `diplomacy.extraction` imports nothing but itself.
"""
