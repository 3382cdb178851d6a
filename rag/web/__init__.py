"""The web surface of `rag serve`: thin HTTP layers over one `Assistant`.

- `http`: what every surface shares: the one error shape, API keys, body limits, 404/405;
- `api`: the JSON API under /api;
- `openai_api`: the OpenAI-compatible API under /v1;
- `uploads`: saving uploaded files for ingest (the API and the UI);
- `app`: `create_app`, which wires them and mounts the Gradio UI (`ui/`).

Imports: rag (the Assistant, settings, errors, types, threads); `http` and `uploads` import no
other module of this package, and nothing here imports `app` but the CLI.
"""
