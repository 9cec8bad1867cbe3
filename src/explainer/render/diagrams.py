"""Pictures generated from the data at build time: inline SVG, no script, styled by the site's colors.

Two diagrams: how the technologies relate (nested boxes for "is a kind of",
lines for "uses", "overlaps" and "contrasts with"), and the industry ×
technology overview (use-case counts, numbers printed in every cell). Python
computes the geometry; the SVG templates only draw it.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field

from markupsafe import Markup

from explainer.content import Content
from explainer.model import SYMMETRIC_RELATIONS, Industry, Technology
from explainer.render.context import RenderContext
from explainer.render.environment import render_template
from explainer.render.wording import relation_sentence

BOX_WIDTH = 176
BOX_HEIGHT = 52
GAP = 16
PADDING = 14
HEADER = 30
FONT_SIZE = 13
LINE_HEIGHT = 15
CHARS_PER_LINE = 22
LEGEND_WIDTH = 190
NOTE_LINE_HEIGHT = 13
NOTE_CHARS_PER_LINE = 27
EDGE_KINDS = {"uses": "uses", "part-of": "uses", "overlaps": "overlaps", "contrasts-with": "contrasts"}


@dataclass
class Box:
    technology: Technology
    x: float = 0
    y: float = 0
    width: float = BOX_WIDTH
    height: float = BOX_HEIGHT
    children: list[Box] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def container(self) -> bool:
        return bool(self.children)

    @property
    def lines(self) -> list[str]:
        return textwrap.wrap(self.technology.name, CHARS_PER_LINE)[:2] or [self.technology.name]

    def fit(self) -> None:
        """Make a leaf tall enough for its name and its notes."""
        if not self.children:
            text = len(self.lines) * LINE_HEIGHT + len(self.notes) * NOTE_LINE_HEIGHT
            self.height = max(BOX_HEIGHT, text + 2 * PADDING)

    def moved(self, dx: float, dy: float) -> None:
        self.x += dx
        self.y += dy
        for child in self.children:
            child.moved(dx, dy)

    def walk(self) -> list[Box]:
        return [self, *(box for child in self.children for box in child.walk())]


@dataclass(frozen=True)
class Edge:
    kind: str
    x1: float
    y1: float
    x2: float
    y2: float


def _parent_of(content: Content, technology: Technology) -> str | None:
    for relation in technology.relations:
        if relation.kind == "is-a" and relation.target in content.technologies:
            return relation.target
    return None


def _forest(content: Content) -> list[Box]:
    boxes = {t.id: Box(t) for t in content.technologies.values()}
    roots: list[Box] = []
    for technology in content.technologies.values():
        parent = _parent_of(content, technology)
        ancestors, cursor = set(), parent
        while cursor is not None and cursor not in ancestors:  # ignore cycles: treat as a root
            ancestors.add(cursor)
            cursor = _parent_of(content, content.technologies[cursor])
        if parent is None or technology.id in ancestors:
            roots.append(boxes[technology.id])
        else:
            boxes[parent].children.append(boxes[technology.id])
    return roots


def _layout(box: Box) -> None:
    """Size a box around its children, laid out two to a row, depth first."""
    if not box.children:
        return
    for child in box.children:
        _layout(child)
    columns = 2 if len(box.children) > 1 else 1
    rows = [box.children[i : i + columns] for i in range(0, len(box.children), columns)]
    column_width = max(child.width for child in box.children)
    y = float(HEADER)
    for row in rows:
        row_height = max(child.height for child in row)
        for index, child in enumerate(row):
            child.moved(PADDING + index * (column_width + GAP) - child.x, y - child.y)
        y += row_height + GAP
    box.width = PADDING * 2 + columns * column_width + (columns - 1) * GAP
    box.height = y - GAP + PADDING


def _attach(source: Box, target: Box) -> tuple[float, float, float, float]:
    """A straight line between the facing sides of two boxes."""
    sx, sy = source.x + source.width / 2, source.y + source.height / 2
    tx, ty = target.x + target.width / 2, target.y + target.height / 2
    if target.x >= source.x + source.width:
        return source.x + source.width, sy, target.x, ty
    if source.x >= target.x + target.width:
        return source.x, sy, target.x + target.width, ty
    if ty > sy:
        return sx, source.y + source.height, tx, target.y
    return sx, source.y, tx, target.y + target.height


def used_by(content: Content) -> dict[str, list[str]]:
    """For each technology, what it uses: its own 'uses' relations and others' 'part-of' ones."""
    found: dict[str, list[str]] = {t: [] for t in content.technologies}
    for technology in content.technologies.values():
        for relation in technology.relations:
            if relation.target not in content.technologies:
                continue
            user, used = {
                "uses": (technology.id, relation.target),
                "part-of": (relation.target, technology.id),
            }.get(relation.kind, (None, None))
            if user is not None and used is not None and used not in found[user]:
                found[user].append(used)
    return found


def _shelves(roots: list[Box]) -> None:
    """Place top-level boxes left to right in rows no wider than the widest box or four small ones.

    Unrelated technologies form a grid rather than one tall column, so the
    picture keeps a readable shape at fifty technologies as at five.
    """
    limit = max([r.width for r in roots] + [4 * BOX_WIDTH + 3 * GAP * 3])
    x = y = row_height = 0.0
    for root in roots:
        if x > 0 and x + root.width > limit:
            x, y, row_height = 0.0, y + row_height + GAP * 3, 0.0
        root.moved(x - root.x, y - root.y)
        x += root.width + GAP * 3
        row_height = max(row_height, root.height)


def relationship_diagram(site: RenderContext, page: str, current: str | None = None) -> Markup:
    """Nested boxes for 'is a kind of'; lines between top-level boxes; 'uses' noted inside nested ones.

    Lines are drawn only between boxes at the top level; what a nested
    technology uses is written inside its box.
    """
    content = site.content
    roots = _forest(content)
    root_ids = {r.technology.id for r in roots}
    uses = used_by(content)
    label = {t.id: t.short_name or t.name for t in content.technologies.values()}
    boxes_by_id = {box.technology.id: box for root in roots for box in root.walk()}
    for technology_id, box in boxes_by_id.items():
        noted = [u for u in uses[technology_id] if not (technology_id in root_ids and u in root_ids)]
        if noted and not box.children:
            box.notes = textwrap.wrap("uses " + ", ".join(label[u] for u in noted), NOTE_CHARS_PER_LINE)[:3]
        box.fit()
    containers = [r for r in roots if r.children]
    singles = [r for r in roots if not r.children]
    for root in containers:
        _equal_leaf_heights(root)
        _layout(root)
    _shelves(containers + singles)
    boxes = [box for root in roots for box in root.walk()]
    edges, seen = [], set()
    for root in roots:
        for relation in root.technology.relations:
            kind = EDGE_KINDS.get(relation.kind)
            if kind is None or relation.target not in root_ids:
                continue
            target = boxes_by_id[relation.target]
            source, goal = (target, root) if relation.kind == "part-of" else (root, target)
            key = (kind, *sorted((source.technology.id, goal.technology.id)))
            if key in seen:
                continue
            seen.add(key)
            edges.append(Edge(kind, *_attach(source, goal)))
    used_kinds = sorted({e.kind for e in edges})
    width = max([b.x + b.width for b in boxes] + [float(LEGEND_WIDTH)])
    height = max((b.y + b.height for b in boxes), default=0)
    legend_y = height + 28
    legend_height = 20 * len(used_kinds) + 10
    return Markup(
        render_template(
            site,
            "relationships.svg.j2",
            page,
            boxes=boxes,
            edges=edges,
            width=width,
            height=legend_y + legend_height,
            legend_y=legend_y,
            current=current,
            description=describe_relationships(content),
            font_size=FONT_SIZE,
            line_height=LINE_HEIGHT,
            note_line_height=NOTE_LINE_HEIGHT,
            used_kinds=used_kinds,
        )
    )


def _equal_leaf_heights(container: Box) -> None:
    leaves = [c for c in container.children if not c.children]
    tallest = max((leaf.height for leaf in leaves), default=BOX_HEIGHT)
    for leaf in leaves:
        leaf.height = tallest
    for child in container.children:
        if child.children:
            _equal_leaf_heights(child)


def describe_relationships(content: Content) -> str:
    """The diagram in words, for its <desc> and for readers who cannot see it."""
    sentences: list[str] = []
    said: set[tuple[str, frozenset[str]]] = set()
    for technology in content.technologies.values():
        for relation in technology.relations:
            target = content.technologies.get(relation.target)
            pair = (relation.kind, frozenset({technology.id, relation.target}))
            if target is None or (relation.kind in SYMMETRIC_RELATIONS and pair in said):
                continue
            said.add(pair)
            sentences.append(relation_sentence(relation.kind, technology.name, target.name) + ".")
    return " ".join(sentences)


HEAT_CELL_WIDTH = 46
HEAT_CELL_HEIGHT = 30
HEAT_LABEL_WIDTH = 190
HEAT_HEADER = 120


def technology_counts(content: Content) -> list[tuple[Industry, list[int]]]:
    """For each industry, the number of its use cases that rely on each technology (in column order)."""
    rows = []
    for industry in content.industries.values():
        cases = content.use_cases_in_industry(industry.id)
        rows.append((industry, [sum(1 for u in cases if t in u.technologies) for t in content.technologies]))
    return rows


@dataclass(frozen=True)
class Heading:
    """A row or column of the overview: what it names, and its label."""

    name: str
    label: str


def industry_overview(site: RenderContext, page: str) -> Markup:
    """A grid of industries × technologies; each cell prints how many use cases combine the two.

    Whichever of the two is more numerous runs down the side, so the grid
    grows in height (which pages do well) rather than in width; a wide grid
    still scrolls inside its own frame.
    """
    content = site.content
    counts = technology_counts(content)
    technologies = [Heading(t.name, t.short_name or t.name) for t in content.technologies.values()]
    industries = [Heading(industry.name, industry.name) for industry, _ in counts]
    grid = [numbers for _, numbers in counts]
    transposed = len(technologies) > len(industries)
    if transposed:
        columns, rows = industries, technologies
        grid = [list(column) for column in zip(*grid, strict=True)] if grid else []
    else:
        columns, rows = technologies, industries
    highest = max((n for numbers in grid for n in numbers), default=0) or 1
    return Markup(
        render_template(
            site,
            "industry-overview.svg.j2",
            page,
            columns=columns,
            rows=list(zip(rows, grid, strict=True)),
            transposed=transposed,
            level=lambda n: 0 if n == 0 else 1 + min(3, (n * 4 - 1) // highest),
            cell_width=HEAT_CELL_WIDTH,
            cell_height=HEAT_CELL_HEIGHT,
            label_width=HEAT_LABEL_WIDTH,
            header=HEAT_HEADER,
            width=HEAT_LABEL_WIDTH + HEAT_CELL_WIDTH * len(columns) + 10,
            height=HEAT_HEADER + HEAT_CELL_HEIGHT * len(rows) + 4,
        )
    )
