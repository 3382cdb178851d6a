"""newsrag's Gradio UI, mounted by `rag serve` (see ui.app)."""
