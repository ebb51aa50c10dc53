"""`trtune serve`: a local REST API and web page for a classifier and a causal LM.

- :mod:`~trtune.serve.settings`: :class:`ServeSettings`, the one source of settings;
- :mod:`~trtune.serve.classify_routes`, :mod:`~trtune.serve.lm_routes`: each task's routes
  (the models are loaded through :mod:`trtune.infer`);
- :mod:`~trtune.serve.batcher`: micro-batching of concurrent classify requests;
- :mod:`~trtune.serve.limits`: body-size middleware and JSON errors;
- :mod:`~trtune.serve.app`: :func:`create_app`, the FastAPI app and its routes;
- :mod:`~trtune.serve.server`: uvicorn in the foreground or in a thread;
- ``static/``: the page (vanilla HTML, CSS and JS; no CDN).
"""

from __future__ import annotations

from trtune.serve.settings import ServeSettings

__all__ = ["ServeSettings"]
