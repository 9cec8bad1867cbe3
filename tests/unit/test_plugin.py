"""The MkDocs plugin's small duties that a build test does not show: watching content while serving."""

from __future__ import annotations

from pathlib import Path

from explainer.plugin import ExplainerPlugin, json_ld


class _Server:
    def __init__(self) -> None:
        self.watched: list[str] = []

    def watch(self, path: str) -> None:
        self.watched.append(path)


def test_serve_watches_the_content_folder_so_edits_rebuild_the_site(tmp_path: Path) -> None:
    plugin = ExplainerPlugin()
    plugin.content_path = tmp_path / "content"
    server = _Server()
    assert plugin.on_serve(server, config=None, builder=None) is server  # type: ignore[arg-type]
    assert server.watched == [str(tmp_path / "content")]


def test_json_ld_leaves_the_page_data_alone_so_it_can_be_rendered_again() -> None:
    data = {"@type": "DefinedTermSet", "hasDefinedTerm": [{"@type": "DefinedTerm", "@id": "#token"}]}
    first = json_ld(data, "https://example.org/glossary/", "Site")
    assert json_ld(data, "https://example.org/glossary/", "Site") == first
    assert data["hasDefinedTerm"] == [{"@type": "DefinedTerm", "@id": "#token"}]
    assert '"@id": "https://example.org/glossary/#token"' in first
