"""A deterministic generator of synthetic editions, shaped like the real one, for benchmarks.

``generate(root, n)`` writes two Sphinx projects with the same words:

* ``root/edition``: N articles marked up with sphinx-edition (13 paragraphs of about 1,000 words
  each, about 60 entity mentions, 15 dates, 5 durations, 2 sequences, 15 notes and 3 glossary
  terms per article), registers sized to match with entries shared across articles the way
  real ones are, a glossary, a timeline, an apparatus and a witness file;
* ``root/baseline``: the same corpus with ordinary Sphinx markup, the document the edition
  would be without the extension: the same words and the same toctree; each mention a MyST
  link to its entry (``[name](#person-3)``), each entry a labelled definition list item (no
  entry becomes a heading, so the navigation has the edition's shape), the notes as
  footnotes, the glossary a ``glossary`` with ``{term}`` references, the timeline a list of
  the events linked to their entries, the apparatus a list of the notes' lemmas and words.

``generate(root, n, baseline="headings")`` writes the baseline of the first round instead (each
entry a ``##`` heading, mentions and terms as plain words): Furo's sidebar then copies 1,200+
headings into every page at N = 200, which makes the plain build slow for a reason of its own.
The benchmark measures it once, beside the fair one, to show the difference.

The same seed always gives the same files, so figures from different runs compare.
"""

from __future__ import annotations

import argparse
import random
from dataclasses import dataclass, field
from pathlib import Path

WORDS = (  # noqa: SIM905 - a sentence reads better than a list of 150 quoted words
    "the meeting was held to defuse tensions between two countries authorities were "
    "concerned about growing threat of war despite appearing defiant and warning that it too "
    "had weapons was unprepared to go its military far weaker than that position ongoing "
    "revolution which causing serious internal unrest believing attack would target major "
    "populated centers government prepared empty cities relocate population vital industries "
    "remote locations large scale underground civilian shelters were built other areas "
    "leaders moved away different across avoid being wiped out single capital time even "
    "press believed imminent giants seized power after emerging victorious they established "
    "union usually shortened later founded republic when army all but defeated forces fled "
    "from mainland moved where new seat thereafter close fraternal ties signed treaty "
    "friendship alliance mutual assistance military low cost loan million reconstruction "
    "returned sovereignty region including located northeast intervening sent amounts "
    "provided air cover during counter offensive starting period saw political diplomatic "
    "economic relations powers particularly relation common ideological struggle enemies"
).split()
PARAGRAPHS = 13
WORDS_PER_ARTICLE = 1000
MENTIONS, DATES, DURATIONS, SEQUENCES, NOTES, TERMS = 60, 15, 5, 2, 15, 3
KINDS = ("person", "event", "place", "org")


@dataclass
class Entity:
    kind: str
    id: str
    name: str
    year: int = 0  # events: the year they happened; people: the year they were born


@dataclass
class Article:
    number: int
    paragraphs: list[list[str]] = field(default_factory=list)  # edition markup, token by token
    plain: list[list[str]] = field(default_factory=list)  # the same words, plain MyST
    words: list[list[str]] = field(default_factory=list)  # the same words, no markup at all
    notes: list[tuple[int, str, str]] = field(default_factory=list)  # (paragraph, lemma, text)


def _registers(rng: random.Random, n: int) -> dict[str, list[Entity]]:
    sizes = {"person": 8 + 3 * n, "event": 6 + 4 * n, "place": 8 + 2 * n, "org": 4 + n}
    registers: dict[str, list[Entity]] = {}
    for kind, size in sizes.items():
        names: set[str] = set()
        registers[kind] = [
            Entity(
                kind,
                f"{kind}-{i}",
                f"{kind.title()} {_name(rng, names)}",
                year=rng.randint(1900, 1980),
            )
            for i in range(size)
        ]
    return registers


def _name(rng: random.Random, taken: set[str]) -> str:
    """A name no other entry of the register has.

    Two entries of one name would make the tagging check warn at every mention of either
    (the same words marked as two entries), which a real editor's registers never do: the
    edition would pay for hundreds of warnings at N = 200 that the baseline does not.
    """
    syllables = ("ka", "lo", "min", "sha", "zhu", "ov", "ren", "tai", "vo", "li", "pe", "dra")
    name = "".join(rng.choice(syllables) for _ in range(3))
    while name in taken:
        name += rng.choice(syllables)
    taken.add(name)
    return name.title()


def _pick(rng: random.Random, pool: list[Entity], article: int, articles: int) -> Entity:
    """Mostly a shared, often-named entry; sometimes one that belongs to this article."""
    core = pool[: max(4, len(pool) // 5)]
    if rng.random() < 0.6:
        return core[min(int(rng.paretovariate(1.2)) - 1, len(core) - 1)]
    own = pool[len(core) :]
    if not own:
        return rng.choice(core)
    start = article * len(own) // articles
    return own[(start + rng.randrange(max(1, len(own) // articles))) % len(own)]


def _two_years(rng: random.Random, events: list[Entity]) -> tuple[Entity, Entity]:
    """Two events, the earlier first, whose years differ."""
    while True:
        a, b = sorted(rng.sample(events, 2), key=lambda e: e.year)
        if a.year != b.year:
            return a, b


def _articles(
    rng: random.Random, n: int, registers: dict[str, list[Entity]], terms: list[str]
) -> list[Article]:
    events = registers["event"]
    articles = []
    for number in range(n):
        article = Article(number)
        tokens_per_paragraph = WORDS_PER_ARTICLE // PARAGRAPHS
        slots = [
            (p, rng.randrange(4, tokens_per_paragraph - 4))
            for p in range(PARAGRAPHS)
            for _ in range(8)
        ]
        rng.shuffle(slots)
        plan: dict[tuple[int, int], tuple[str, object]] = {}
        kinds = (
            ["mention"] * MENTIONS
            + ["date"] * DATES
            + ["duration"] * DURATIONS
            + ["sequence"] * SEQUENCES
            + ["term"] * TERMS
        )
        for kind, slot in zip(kinds, slots, strict=False):
            plan[slot] = (kind, None)
        # Each article uses a few terms; between them the articles use the whole glossary.
        used_terms = [terms[(TERMS * number + i) % len(terms)] for i in range(TERMS)]
        term_index = 0
        for p in range(PARAGRAPHS):
            tokens: list[str] = []
            plain: list[str] = []
            words: list[str] = []
            for position in range(tokens_per_paragraph):
                word = rng.choice(WORDS)
                kind, _ = plan.get((p, position), ("word", None))
                if kind == "mention":
                    entry = _pick(rng, registers[rng.choice(KINDS)], number, n)
                    tokens.append(f"{{ed:{entry.kind}}}`{entry.name} <{entry.id}>`")
                    plain.append(f"[{entry.name}](#{entry.id})")
                    words.append(entry.name)
                elif kind == "date":
                    event = _pick(rng, events, number, n)
                    tokens.append(f"in {{ed:date}}`{event.year} <{event.year} @{event.id}>`")
                    plain.append(f"in {event.year}")
                    words.append(f"in {event.year}")
                elif kind == "duration":
                    a, b = sorted(rng.sample(events, 2), key=lambda e: e.year)
                    years = b.year - a.year
                    tokens.append(
                        f"{{ed:duration}}`some {years} years later <about {years + 1} years: "
                        f"{a.id} .. {b.id}>`"
                    )
                    plain.append(f"some {years} years later")
                    words.append(f"some {years} years later")
                elif kind == "sequence":
                    # Two events of different years: "after" is then decidable from the
                    # registers' dates, as an editor's claim would be.
                    a, b = _two_years(rng, events)
                    tokens.append(f"{{ed:sequence}}`then <{b.id} after {a.id}>`")
                    plain.append("then")
                    words.append("then")
                elif kind == "term":
                    term = used_terms[term_index % len(used_terms)]
                    term_index += 1
                    tokens.append(f"{{term}}`{term}`")
                    plain.append(f"{{term}}`{term}`")
                    words.append(term)
                else:
                    tokens.append(word)
                    plain.append(word)
                    words.append(word)
            article.paragraphs.append(tokens)
            article.plain.append(plain)
            article.words.append(words)
        for k in range(NOTES):
            p = k % PARAGRAPHS
            lemma = f"notaword{number}x{k}"
            position = rng.randrange(1, len(article.paragraphs[p]))
            article.paragraphs[p].insert(position, lemma)
            article.plain[p].insert(position, lemma + f"[^n{k}]")
            article.words[p].insert(position, lemma + f"[^n{k}]")
            text = " ".join(rng.choice(WORDS) for _ in range(40)).capitalize() + "."
            article.notes.append((p, lemma, text))
        articles.append(article)
    # Every entry is mentioned somewhere, as an editor's registers would be.
    mentioned = {
        t.split("<")[1].split(">")[0]
        for a in articles
        for p in a.paragraphs
        for t in p
        if t.startswith("{ed:") and "<" in t and not t.startswith("{ed:d")
    }
    last = articles[-1]
    for kind in KINDS:
        for entry in registers[kind]:
            if entry.id not in mentioned:
                last.paragraphs[-1].append(f"{{ed:{kind}}}`{entry.name} <{entry.id}>`")
                last.plain[-1].append(f"[{entry.name}](#{entry.id})")
                last.words[-1].append(entry.name)
    return articles


def _entry(entity: Entity) -> str:
    lines = [
        f":::{{ed:{entity.kind}}} {entity.id}",
        f":name: {entity.name}",
        f":alt: {entity.name.upper()} [transliteration]",
        f":summary: A synthetic {entity.kind} for the benchmarks.",
    ]
    if entity.kind == "person":
        lines += [f":born: {entity.year - 60}", f":died: {entity.year + 20}"]
    elif entity.kind in {"event", "org"}:
        lines.append(f":date: {entity.year}")
    else:
        lines.append(":coords: 39.9, 116.4")
    lines += ["", f"A longer description of {entity.name}.", ":::", ""]
    return "\n".join(lines)


BASELINES = ("fair", "headings")


def generate(
    root: Path, n: int, seed: int = 1969, baseline_style: str = "fair"
) -> tuple[Path, Path]:
    """Write the edition and its plain baseline for *n* articles; return their folders."""
    if baseline_style not in BASELINES:
        raise ValueError(f"baseline_style must be one of {BASELINES}")
    fair = baseline_style == "fair"
    rng = random.Random(seed * 1000 + n)
    registers = _registers(rng, n)
    terms = [f"term{i}" for i in range(min(20, max(TERMS, TERMS * n)))]
    articles = _articles(rng, n, registers, terms)
    edition, baseline = root / "edition", root / "baseline"
    for folder in (edition, baseline):
        (folder / "articles").mkdir(parents=True, exist_ok=True)
    common = (
        'html_theme = "furo"\nmyst_enable_extensions = ["colon_fence", "deflist"]\n'
        'exclude_patterns = ["_build"]\nproject = "Benchmark"\n'
        # MyST resolves a link to "#target" by asking every domain (the C++ domain parses each
        # target as a declaration: a quarter of the plain build); the plain links are to labels.
        'myst_ref_domains = ["std"]\n'
    )
    (edition / "conf.py").write_text(
        'extensions = ["myst_parser", "sphinx_design", "sphinx_edition"]\n'
        + common
        + 'edition_witness = "witness.txt"\n',
        encoding="utf-8",
    )
    (baseline / "conf.py").write_text(
        'extensions = ["myst_parser", "sphinx_design"]\n' + common, encoding="utf-8"
    )
    toc = "\n".join(f"articles/a{a.number:04d}" for a in articles)
    pages = "people\nevents\nplaces\norgs\nglossary\ntimeline\napparatus"
    for folder in (edition, baseline):
        (folder / "index.md").write_text(
            f"# Benchmark edition\n\n```{{toctree}}\n{toc}\n{pages}\n```\n", encoding="utf-8"
        )
    witness: list[str] = []
    for article in articles:
        body, plain = [f"# Article {article.number}", ""], [f"# Article {article.number}", ""]
        for p, tokens in enumerate(article.paragraphs):
            number = article.number * PARAGRAPHS + p + 1
            body += [f"::::{{ed:paragraph}} {number}", " ".join(tokens), ""]
            for q, lemma, text in article.notes:
                if q == p:
                    body += [
                        ":::{ed:note}",
                        f":lemma: {lemma}",
                        ":category: typographical",
                        "",
                        text,
                        ":::",
                        "",
                    ]
            body += ["::::", ""]
            plain += [" ".join(article.plain[p] if fair else article.words[p]), ""]
            witness.append(" ".join(_strip(t) for t in tokens))
        plain += [f"[^n{k}]: {text}" for k, (_, _, text) in enumerate(article.notes)]
        name = f"articles/a{article.number:04d}.md"
        (edition / name).write_text("\n".join(body) + "\n", encoding="utf-8")
        (baseline / name).write_text("\n".join(plain) + "\n", encoding="utf-8")
    (edition / "witness.txt").write_text("\n".join(witness) + "\n", encoding="utf-8")
    titles = {"person": "People", "event": "Events", "place": "Places", "org": "Organisations"}
    files = {"person": "people", "event": "events", "place": "places", "org": "orgs"}
    for kind in KINDS:
        entries = "\n".join(_entry(e) for e in registers[kind])
        (edition / f"{files[kind]}.md").write_text(
            f"# {titles[kind]}\n\n::::{{ed:register}} {kind}\n\n{entries}\n::::\n", encoding="utf-8"
        )
        if fair:
            plain_entries = "\n".join(
                f"({e.id})=\n{e.name}\n: *{e.name.upper()} (transliteration)*. A synthetic "
                f"{kind} for the benchmarks.\n\n  A longer description of {e.name}.\n"
                for e in registers[kind]
            )
        else:
            plain_entries = "\n".join(
                f"## {e.name}\n\n*{e.name.upper()} (transliteration)*. A synthetic {kind} for "
                f"the benchmarks.\n\nA longer description of {e.name}.\n"
                for e in registers[kind]
            )
        (baseline / f"{files[kind]}.md").write_text(
            f"# {titles[kind]}\n\n{plain_entries}", encoding="utf-8"
        )
    glossary = "\n".join(f"{t}\n  The meaning of {t}.\n" for t in terms)
    (edition / "glossary.md").write_text(
        f"# Glossary\n\n:::{{glossary}}\n{glossary}\n:::\n", encoding="utf-8"
    )
    (baseline / "glossary.md").write_text(
        f"# Glossary\n\n:::{{glossary}}\n{glossary}\n:::\n"
        if fair
        else "# Glossary\n\n" + "\n".join(f"{t}\n: The meaning of {t}.\n" for t in terms),
        encoding="utf-8",
    )
    (edition / "timeline.md").write_text("# Timeline\n\n```{ed:timeline}\n```\n", encoding="utf-8")
    by_year = sorted(registers["event"], key=lambda e: (e.year, e.id))
    (baseline / "timeline.md").write_text(
        "# Timeline\n\n"
        + (
            "\n".join(f"- {e.year}: [{e.name}](#{e.id})" for e in by_year) + "\n"
            if fair
            else "The events in order.\n"
        ),
        encoding="utf-8",
    )
    (edition / "apparatus.md").write_text(
        "# Apparatus\n\n```{ed:apparatus}\n```\n", encoding="utf-8"
    )
    notes = [
        f"- Article {a.number}, ¶{p + 1}, *{lemma}*: {text}"
        for a in articles
        for p, lemma, text in a.notes
    ]
    (baseline / "apparatus.md").write_text(
        "# Apparatus\n\n" + ("\n".join(notes) + "\n" if fair else "The notes.\n"),
        encoding="utf-8",
    )
    return edition, baseline


def _strip(token: str) -> str:
    """The witness text of a token of edition markup."""
    if token.startswith("in {ed:date}"):
        return "in " + token.split("`")[1].split(" <")[0]
    if token.startswith("{"):
        return token.split("`")[1].split(" <")[0]
    return token


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("n", type=int, help="number of articles")
    parser.add_argument("out", type=Path, help="folder to write the two projects into")
    args = parser.parse_args()
    edition, baseline = generate(args.out, args.n)
    print(f"wrote {edition} and {baseline}")


if __name__ == "__main__":
    main()
