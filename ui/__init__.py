"""newsrag's Gradio UI, mounted by `rag serve` (see ui.app).

Imports: rag (the Assistant, settings, errors, types, threads) and rag.web's shared pieces
(`http`, `uploads`); only rag.web.app imports this package, and only when it mounts the UI.
"""
