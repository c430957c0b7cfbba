//! Speakers: mentions analysed, linked into one entity per person or body, pronouns
//! resolved.
//!
//! 1. Every mention is analysed ([`names::analyse`]): title apart from name, kind.
//! 2. Names, organisations, groups and descriptions are linked in text order through hash
//!    maps (surname → people, name → organisation, head word → entity), so the cost is
//!    linear in the number of mentions.
//! 3. One scan of the paragraphs for capitalised name runs gives a surname-only speaker its
//!    full name (`Peskov` → `Dmitry Peskov`), titles and courtesy titles.
//! 4. Pronouns resolve, in text order, to the most recent compatible entity: he/she to a
//!    person (the previous quote's speaker first), never against the gender the article
//!    shows; they/it to an organisation or group. What cannot be resolved stays unresolved.
//! 5. Entities with at least one quote become the article's speakers.

use crate::stage::hash::FastMap;
use std::cell::RefCell;
use std::collections::hash_map::Entry;

use crate::stage::names::{self, Analysis, NameRun, Pronoun, Scratch};
use crate::{
    Article, Gender, Mention, MentionKind, QuoteId, SmallList, Span, Speaker, SpeakerId,
    SpeakerKind,
};

/// How many paragraphs back a pronoun may look for its entity.
const PRONOUN_REACH: usize = 4;
/// How many recent bodies (organisations, groups) a pronoun considers.
const RECENT: usize = 8;
/// How many named people before a pronoun it looks at.
const LOOK_BACK: usize = 64;

/// Where a mention is.
#[derive(Debug, Clone, Copy)]
struct Place {
    at: usize,
    sentence: usize,
    paragraph: usize,
}

/// A person named at a place in the text, outside quotation marks.
#[derive(Debug, Clone, Copy)]
struct Occurrence {
    at: usize,
    entity: usize,
    sentence: usize,
    paragraph: usize,
}

/// The people named outside quotation marks (and outside direct quotes), in text order,
/// into `out` (`named` is sorted and deduplicated in place; `quoted` and `merged` are
/// scratch space).
fn occurrences(
    article: &Article<'_>,
    named: &mut Vec<(usize, usize)>,
    quoted: &mut Vec<Span>,
    merged: &mut Vec<Span>,
    out: &mut Vec<Occurrence>,
) {
    named.sort_unstable();
    named.dedup_by_key(|x| x.0);
    // Quoted regions, merged into disjoint spans.
    quoted.clear();
    quoted.extend(
        article
            .quotations
            .iter()
            .filter(|q| q.role != crate::QuotationRole::Title)
            .map(|q| q.span)
            .chain(
                article
                    .quotes
                    .iter()
                    .filter(|q| q.kind == crate::QuoteKind::Direct)
                    .flat_map(|q| q.segments.iter().copied()),
            ),
    );
    // Two runs in order (quotations, then quote segments): a stable sort merges them.
    quoted.sort();
    merged.clear();
    for &s in quoted.iter() {
        match merged.last_mut() {
            Some(last) if s.start <= last.end => last.end = last.end.max(s.end),
            _ => merged.push(s),
        }
    }
    out.clear();
    // `named` is in text order: quoted regions, sentences and paragraphs are found by
    // walking forward.
    let mut region_at = Cursor::default();
    let mut sentence_at = Cursor::default();
    let mut paragraph_at = Cursor::default();
    let merged: &[Span] = merged;
    let mut inside = |at: usize| {
        let k = region_at.index(merged, |s| s.start, at);
        merged.get(k).is_some_and(|s| s.start <= at && at < s.end)
    };
    out.extend(
        named
            .iter()
            .filter(|&&(at, _)| !inside(at))
            .map(|&(at, entity)| Occurrence {
                at,
                entity,
                sentence: sentence_at.index(&article.sentences, |s| s.span.start, at),
                paragraph: paragraph_at.index(&article.paragraphs, |p| p.span.start, at),
            }),
    );
}

/// Finds, for positions asked in ascending order, the last item of a list in text order
/// that starts at or before each (0 when none does), walking forward: what a partition
/// point gives, in time linear in the list and the positions together.
#[derive(Debug, Default)]
struct Cursor {
    /// How many items start at or before the last position asked for.
    passed: usize,
}

impl Cursor {
    #[inline(always)]
    fn index<T>(&mut self, items: &[T], start: impl Fn(&T) -> usize, at: usize) -> usize {
        while self.passed < items.len() && start(&items[self.passed]) <= at {
            self.passed += 1;
        }
        self.passed.saturating_sub(1)
    }
}

/// The person a he or she most likely stands for among those named before `here`, from
/// sentence `from_sentence` on: in the most recent sentence that names one who fits, the
/// first one it names (its subject, more often than not).
fn last_subject(
    people: &[Occurrence],
    here: Place,
    from_sentence: usize,
    fits: &dyn Fn(usize) -> bool,
) -> Option<usize> {
    let k = people.partition_point(|o| o.at < here.at);
    let mut best: Option<Occurrence> = None;
    for o in people[..k].iter().rev().take(LOOK_BACK) {
        if here.paragraph.saturating_sub(o.paragraph) > PRONOUN_REACH || o.sentence < from_sentence
        {
            break;
        }
        if best.is_some_and(|b| b.sentence != o.sentence) {
            break;
        }
        if fits(o.entity) {
            best = Some(*o);
        }
    }
    best.map(|o| o.entity)
}
/// How many entities sharing a surname or head word a new mention is compared with (the
/// most recent ones): real articles have a few; this keeps crafted input linear.
const SHARED_KEY_LIMIT: usize = 32;

/// The last [`SHARED_KEY_LIMIT`] entries of a candidate list.
fn recent_slice(list: &[usize]) -> &[usize] {
    &list[list.len().saturating_sub(SHARED_KEY_LIMIT)..]
}

/// An entity while linking.
#[derive(Debug)]
struct Entity {
    kind: SpeakerKind,
    /// Whether a he or she can stand for it: a person, or an unnamed source described as
    /// one (`the former president`, `a spokeswoman`; not `the statement`).
    personal: bool,
    name: Span,
    name_words: usize,
    given: Option<Span>,
    suffix: Option<Span>,
    first_seen: usize,
    last_seen: usize,
    last_paragraph: usize,
    titles: SmallList<Span>,
    roles: SmallList<Span>,
    mentions: SmallList<Span>,
    quotes: SmallList<QuoteId>,
    gender: Option<Gender>,
    evidence: SmallList<Span>,
}

impl Entity {
    fn new(kind: SpeakerKind, name: Span, at: usize, paragraph: usize) -> Self {
        Self {
            kind,
            personal: kind == SpeakerKind::Person,
            name,
            name_words: 0,
            given: None,
            suffix: None,
            first_seen: at,
            last_seen: at,
            last_paragraph: paragraph,
            titles: SmallList::new(),
            roles: SmallList::new(),
            mentions: SmallList::new(),
            quotes: SmallList::new(),
            gender: None,
            evidence: SmallList::new(),
        }
    }

    fn seen(&mut self, span: Span, paragraph: usize) {
        self.last_seen = self.last_seen.max(span.start);
        self.last_paragraph = self.last_paragraph.max(paragraph);
    }

    /// Records gender evidence unless it contradicts what is known.
    fn show_gender(&mut self, gender: Gender, evidence: Span) -> bool {
        match self.gender {
            Some(g) if g != gender => false,
            _ => {
                self.gender = Some(gender);
                // Repeats are removed once, when the speaker is made.
                self.evidence.push(evidence);
                true
            }
        }
    }
}

/// The entities under one key of [`Linker`]'s maps, in the order they were added: most
/// keys have one, held without a heap allocation.
#[derive(Debug, Clone)]
enum Ids {
    One([usize; 1]),
    Many(Vec<usize>),
}

impl Default for Ids {
    fn default() -> Self {
        Self::Many(Vec::new())
    }
}

impl Ids {
    fn push(&mut self, e: usize) {
        match self {
            Self::Many(list) if list.is_empty() => *self = Self::One([e]),
            Self::Many(list) => list.push(e),
            Self::One([first]) => *self = Self::Many(vec![*first, e]),
        }
    }

    fn as_slice(&self) -> &[usize] {
        match self {
            Self::One(one) => one,
            Self::Many(list) => list,
        }
    }
}

/// The linking state: entities and the maps that find them.
#[derive(Debug, Default)]
struct Linker {
    entities: Vec<Entity>,
    by_surname: FastMap<u64, Ids>,
    /// Organisations and groups by [`names::fold_hash`] of their name (a group's key is kept
    /// apart): the entity and the name it was entered by, which a lookup compares, probing
    /// on to the next key past names that share one by chance ([`Linker::named`]).
    by_name: FastMap<u64, (usize, Span)>,
    by_head: FastMap<u64, Ids>,
    scratch: Scratch,
    /// The names of the name runs whose apposition may give their entity a role, in the
    /// order they were absorbed: read only for entities that turn out to be speakers.
    run_roles: Vec<(usize, Span)>,
    /// Buffers of [`Linker::absorb_runs`].
    absorb: AbsorbBuffers,
}

impl Linker {
    /// Empties the entities and maps for a new article (their room is kept).
    fn clear(&mut self) {
        self.entities.clear();
        self.by_surname.clear();
        self.by_name.clear();
        self.by_head.clear();
        self.run_roles.clear();
    }
}

/// A surname key of the runs while [`Linker::absorb_runs`] groups them.
#[derive(Debug, Clone, Copy)]
struct Surname {
    /// The group (surname number) of its kept runs, [`Surname::NO_GROUP`] until one is kept.
    group: usize,
    /// Whether a known person has the surname (asked once per key).
    known: bool,
    /// Whether a bare run (the surname alone) of no known person has it.
    loose: bool,
}

impl Surname {
    const NO_GROUP: usize = usize::MAX;
}

/// The [`Surname`]s of one article's runs by key: a table of open addressing with linear
/// probing, kept at most half full. The keys are hashes already ([`names::surname_key`]):
/// a multiply spreads them over the slots, with no hasher or control bytes to go through
/// (one lookup per name run in the text).
#[derive(Debug, Default)]
struct SurnameTable {
    slots: Vec<Option<(u64, Surname)>>,
    /// The number of bits of a slot index.
    bits: u32,
}

impl SurnameTable {
    /// Empties the table, with room for `n` keys.
    fn clear(&mut self, n: usize) {
        let size = (2 * n).next_power_of_two().max(16);
        self.bits = size.trailing_zeros();
        self.slots.clear();
        self.slots.resize(size, None);
    }

    /// The entry of `key`, made by `new` when there is none (at most as many keys as
    /// [`clear`](Self::clear) made room for).
    #[inline]
    fn entry(&mut self, key: u64, new: impl FnOnce() -> Surname) -> &mut Surname {
        debug_assert!(
            self.slots.len().is_power_of_two(),
            "`clear` makes the slots before any entry"
        );
        let mask = self.slots.len().wrapping_sub(1);
        let mut i = (key.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - self.bits)) as usize;
        // Past the slots of other keys to the key's own, or to a free one.
        while let Some((k, _)) = self.slots[i] {
            if k == key {
                break;
            }
            i = (i + 1) & mask;
        }
        &mut self.slots[i].get_or_insert_with(|| (key, new())).1
    }

    fn capacity(&self) -> usize {
        self.slots.capacity()
    }
}

/// The buffers of [`Linker::absorb_runs`], kept between parses.
#[derive(Debug, Default)]
struct AbsorbBuffers {
    /// What is known of each surname key ([`Surname`]).
    group_of: SurnameTable,
    /// The surname keys of the kept runs, in order of first appearance, and whether a
    /// known person has each.
    keys: Vec<(u64, bool)>,
    /// The kept runs, as `(group, run)`.
    kept: Vec<(usize, usize)>,
    /// Where each group starts in `grouped`.
    starts: Vec<usize>,
    /// Whether each group's surname also stands alone.
    bare: Vec<bool>,
    /// The kept runs, group by group.
    grouped: Vec<usize>,
    /// The next free place of each group in `grouped`.
    next: Vec<usize>,
    /// The people of one surname ([`Linker::adopt_full_names`], then the runs of it).
    people: Vec<usize>,
    /// The given names they already have.
    taken: Vec<Span>,
}

/// The buffers of [`run`], kept per thread between parses so that a parse seldom allocates
/// (see [`with_buffers`]).
#[derive(Debug, Default)]
struct Buffers {
    linker: Linker,
    analyses: Vec<Analysis>,
    order: Vec<usize>,
    linked: Vec<Option<usize>>,
    /// People named, as `(position, entity)`.
    named: Vec<(usize, usize)>,
    runs: Vec<NameRun>,
    people: Vec<Occurrence>,
    /// Quoted regions ([`occurrences`]), then merged.
    quoted_regions: Vec<Span>,
    merged: Vec<Span>,
    /// Whether a quote names each mention ([`run`] step 4).
    quoted: Vec<bool>,
    bodies: Vec<usize>,
    /// The first mention of each span ([`ensure_quote_mentions`]).
    mention_at: FastMap<Span, usize>,
    /// The mention each quote names (an index of `article.mentions`).
    quote_mentions: Vec<Option<usize>>,
    /// Quotes, then mentions, per entity (to size the speakers' lists).
    counts: Vec<usize>,
    ids: Vec<Option<SpeakerId>>,
    by_first: Vec<usize>,
    /// Appositions found ([`add_appositions`]).
    found: Vec<(usize, Span)>,
    /// Appositions read ([`apposition`]).
    appositions: Appositions,
    /// The paragraph of each mention, in text order (as `order`).
    paragraphs: Vec<usize>,
}

impl Buffers {
    /// Whether a very long article made the buffers large: they are then dropped, so that
    /// a thread keeps at most a few hundred kilobytes between parses.
    fn is_large(&self) -> bool {
        const KEEP: usize = 1 << 12;
        let l = &self.linker;
        let a = &l.absorb;
        [
            l.entities.capacity(),
            l.by_surname.capacity(),
            l.by_name.capacity(),
            l.by_head.capacity(),
            l.run_roles.capacity(),
            a.group_of.capacity(),
            a.kept.capacity(),
            a.grouped.capacity(),
            self.analyses.capacity(),
            self.order.capacity(),
            self.paragraphs.capacity(),
            self.named.capacity(),
            self.runs.capacity(),
            self.people.capacity(),
            self.quoted_regions.capacity(),
            self.quoted.capacity(),
            self.mention_at.capacity(),
            self.quote_mentions.capacity(),
            self.counts.capacity(),
            self.ids.capacity(),
            self.appositions.capacity(),
        ]
        .into_iter()
        .any(|c| c > KEEP)
    }
}

/// Runs `f` with this thread's [`Buffers`], borrowed in place (they are many: moving them
/// out and back, and making empty ones to leave behind, costs more than a borrow); dropped
/// after the call when large. A nested call (or one while the thread ends) gets new, empty
/// ones.
fn with_buffers(f: impl FnOnce(&mut Buffers)) {
    thread_local! {
        static BUFFERS: RefCell<Buffers> = RefCell::default();
    }
    let mut f = Some(f);
    let _ = BUFFERS.try_with(|cell| {
        if let Ok(mut buffers) = cell.try_borrow_mut() {
            if let Some(f) = f.take() {
                f(&mut buffers);
            }
            if buffers.is_large() {
                *buffers = Buffers::default();
            }
        }
    });
    if let Some(f) = f.take() {
        f(&mut Buffers::default());
    }
}

/// Links mentions into speakers and gives every attributed quote its speaker.
pub(crate) fn run(article: &mut Article<'_>) {
    with_buffers(|buffers| run_with(article, buffers));
}

/// [`run`] with its buffers.
fn run_with(article: &mut Article<'_>, buffers: &mut Buffers) {
    let Buffers {
        linker,
        analyses,
        order,
        linked,
        named,
        runs,
        people,
        quoted_regions,
        merged,
        quoted,
        bodies,
        mention_at,
        quote_mentions,
        counts,
        ids,
        by_first,
        found,
        appositions,
        paragraphs,
    } = buffers;
    appositions.clear();
    let repeats = ensure_quote_mentions(article, mention_at, quote_mentions);
    if article.mentions.is_empty() {
        article.speakers.clear();
        return;
    }
    // The text outlives the borrows of the tables below (a copy only for an owned text).
    let text_cow = article.text.clone();
    let text: &str = &text_cow;
    // Room for every mention in the maps, so that they seldom grow.
    let n = article.mentions.len();
    linker.clear();
    linker.by_surname.reserve(n);
    linker.by_name.reserve(n);
    linker.by_head.reserve(n);
    linker.entities.reserve(n);
    linker.scratch = Scratch::take();

    // 1. Analyse every mention; add appositions the attribution stage did not see.
    analyses.clear();
    analyses.extend(
        article
            .mentions
            .iter()
            .map(|m| names::analyse(text, m.span, &mut linker.scratch)),
    );
    for (m, a) in article.mentions.iter_mut().zip(analyses.iter()) {
        m.kind = a.kind;
        m.name = a.name;
        m.title = a.title;
        m.speaker = None;
    }
    add_appositions(article, analyses, &mut linker.scratch, found, appositions);

    order.clear();
    order.extend(0..article.mentions.len());
    order.sort_by_key(|&i| (article.mentions[i].span.start, article.mentions[i].span.end));
    // The paragraph of each mention, in text order.
    let mut paragraph_at = Cursor::default();
    paragraphs.clear();
    paragraphs.extend(order.iter().map(|&i| {
        paragraph_at.index(
            &article.paragraphs,
            |p| p.span.start,
            article.mentions[i].span.start,
        )
    }));

    // 2. Link names, organisations, groups and descriptions, in text order.
    linked.clear();
    linked.resize(article.mentions.len(), None);
    for (&i, &p) in order.iter().zip(paragraphs.iter()) {
        let m = &article.mentions[i];
        let a = &analyses[i];
        let e = match a.kind {
            MentionKind::Name => linker.link_person(text, m, a, p),
            MentionKind::Organisation => linker.link_organisation(text, m, a, p),
            MentionKind::Group => linker.link_group(text, m, a, p),
            MentionKind::Description => linker.link_description(text, m, a, p),
            _ => continue,
        };
        linked[i] = Some(e);
    }

    // 3. Full names, titles and courtesy titles found elsewhere in the text. People named
    //    (by mentions and in the text) are the antecedents of he and she.
    named.clear();
    named.extend(
        order
            .iter()
            .filter_map(|&i| linked[i].map(|e| (article.mentions[i].span.start, e)))
            .filter(|&(_, e)| linker.entities[e].personal),
    );
    if linker
        .entities
        .iter()
        .any(|e| e.kind == SpeakerKind::Person)
    {
        names::scan_names_into(
            text,
            article.paragraphs.iter().map(|p| p.span),
            &mut linker.scratch,
            runs,
        );
        linker.absorb_runs(article, runs, named, appositions);
    }
    occurrences(article, named, quoted_regions, merged, people);

    // 4. Pronouns, in text order.
    // The mentions a quote names (with a span a quote names, when mentions repeat spans).
    quoted.clear();
    quoted.resize(article.mentions.len(), false);
    for &i in quote_mentions.iter().flatten() {
        quoted[i] = true;
    }
    let mut prev_quote: Option<usize> = None;
    bodies.clear();
    let mut sentence_at = Cursor::default();
    for (&i, &p) in order.iter().zip(paragraphs.iter()) {
        let span = article.mentions[i].span;
        let e = match analyses[i].pronoun {
            None => linked[i],
            Some(pronoun) => {
                let here = Place {
                    at: span.start,
                    sentence: sentence_at.index(&article.sentences, |s| s.span.start, span.start),
                    paragraph: p,
                };
                let e = linker.resolve(pronoun, here, prev_quote, people, bodies);
                if let (Some(e), Some(g)) = (e, pronoun.gender()) {
                    linker.entities[e].show_gender(g, span);
                }
                if let Some(e) = e {
                    linker.entities[e].seen(span, p);
                }
                linked[i] = e;
                e
            }
        };
        if let Some(e) = e.filter(|&e| linker.entities[e].kind != SpeakerKind::Person) {
            bodies.retain(|&x| x != e);
            bodies.push(e);
            if bodies.len() > RECENT {
                bodies.remove(0);
            }
        }
        let first = if repeats {
            mention_at.get(&span).copied().unwrap_or(i)
        } else {
            i
        };
        if quoted[first] {
            prev_quote = e;
        }
    }

    // 5. Quotes and mentions onto entities; entities with quotes become speakers (so the
    //    mentions, titles and roles of the others are never gathered).
    // Each entity's quotes, and below its mentions, are counted first, so that each list
    // is made at its size at once rather than grown push by push.
    counts.clear();
    counts.resize(linker.entities.len(), 0);
    for &i in quote_mentions.iter().flatten() {
        if let Some(e) = linked[i] {
            counts[e] += 1;
        }
    }
    for (q, &i) in quote_mentions.iter().enumerate() {
        if let Some(e) = i.and_then(|i| linked[i]) {
            let quotes = &mut linker.entities[e].quotes;
            if quotes.is_empty() {
                quotes.reserve(counts[e]);
            }
            quotes.push(QuoteId::from_index(q));
        }
    }
    counts.iter_mut().for_each(|c| *c = 0);
    for &i in order.iter() {
        if let Some(e) = linked[i] {
            counts[e] += 1;
        }
    }
    // The appositions of name runs, before the mentions' roles.
    for &(e, name) in &linker.run_roles {
        if linker.entities[e].quotes.is_empty() {
            continue;
        }
        let role = apposition(article, name, &mut linker.scratch, appositions);
        if let Some(r) = role {
            push_unique(text, &mut linker.entities[e].roles, r);
        }
    }
    for &i in order.iter() {
        if let Some(e) = linked[i] {
            let m = &article.mentions[i];
            let ent = &mut linker.entities[e];
            if ent.quotes.is_empty() {
                continue;
            }
            // Mentions come in text order: a repeat can only be the last one pushed.
            if ent.mentions.last() != Some(&m.span) {
                if ent.mentions.is_empty() {
                    ent.mentions.reserve(counts[e]);
                }
                ent.mentions.push(m.span);
            }
            if let Some(t) = m.title {
                push_unique(text, &mut ent.titles, t);
            }
            if let Some(r) = m.role {
                push_unique(text, &mut ent.roles, r);
            }
        }
    }
    ids.clear();
    ids.resize(linker.entities.len(), None);
    // The entities with quotes, in the order they were first seen.
    by_first.clear();
    by_first.extend((0..linker.entities.len()).filter(|&e| !linker.entities[e].quotes.is_empty()));
    by_first.sort_by_key(|&e| linker.entities[e].first_seen);
    let mut speakers = Vec::with_capacity(by_first.len());
    for &e in by_first.iter() {
        let ent = &mut linker.entities[e];
        let id = SpeakerId::from_index(speakers.len());
        ids[e] = Some(id);
        ent.mentions.sort();
        ent.evidence.sort();
        ent.evidence.dedup();
        speakers.push(Speaker {
            id,
            name: ent.name,
            kind: ent.kind,
            titles: std::mem::take(&mut ent.titles),
            roles: std::mem::take(&mut ent.roles),
            mentions: std::mem::take(&mut ent.mentions),
            quotes: std::mem::take(&mut ent.quotes),
            gender: ent.gender,
            gender_evidence: std::mem::take(&mut ent.evidence),
        });
    }
    for (i, m) in article.mentions.iter_mut().enumerate() {
        m.speaker = linked[i].and_then(|e| ids[e]);
    }
    for (quote, &i) in article.quotes.iter_mut().zip(quote_mentions.iter()) {
        quote.speaker = i.and_then(|i| article.mentions[i].speaker);
    }
    article.speakers = speakers;
    std::mem::take(&mut linker.scratch).put();
}

/// Adds a mention for every quote mention the attribution stage did not list; maps every
/// mention span to its first mention (`mention_at`), and every quote to the mention it
/// names (`quote_mentions`). Returns whether two mentions share a span (the attribution
/// stage lists each span once).
fn ensure_quote_mentions(
    article: &mut Article<'_>,
    mention_at: &mut FastMap<Span, usize>,
    quote_mentions: &mut Vec<Option<usize>>,
) -> bool {
    mention_at.clear();
    mention_at.reserve(article.mentions.len() + article.quotes.len());
    let mut repeats = false;
    for (i, m) in article.mentions.iter().enumerate() {
        match mention_at.entry(m.span) {
            Entry::Occupied(_) => repeats = true,
            Entry::Vacant(slot) => {
                slot.insert(i);
            }
        }
    }
    quote_mentions.clear();
    for q in &article.quotes {
        let i = q.mention.and_then(|span| match mention_at.entry(span) {
            Entry::Occupied(slot) => Some(*slot.get()),
            Entry::Vacant(slot) if article.text.get(span.range()).is_some() => {
                let i = article.mentions.len();
                article.mentions.push(Mention {
                    span,
                    kind: MentionKind::Description,
                    name: None,
                    title: None,
                    role: None,
                    speaker: None,
                });
                Some(*slot.insert(i))
            }
            Entry::Vacant(_) => None,
        });
        quote_mentions.push(i);
    }
    repeats
}

/// The index of the paragraph holding byte `at` (the last one starting at or before it).
pub(crate) fn paragraph_index(article: &Article<'_>, at: usize) -> usize {
    article
        .paragraphs
        .partition_point(|p| p.span.start <= at)
        .saturating_sub(1)
}

/// Whether any cue of the article overlaps `span` (cues are in text order).
fn cue_in(article: &Article<'_>, span: Span) -> bool {
    let k = article.cues.partition_point(|c| c.span.end <= span.start);
    article.cues.get(k).is_some_and(|c| c.span.start < span.end)
}

/// Finds appositions after name mentions that have no role yet (`found` is scratch
/// space).
fn add_appositions(
    article: &mut Article<'_>,
    analyses: &[Analysis],
    scratch: &mut Scratch,
    found: &mut Vec<(usize, Span)>,
    appositions: &mut Appositions,
) {
    found.clear();
    for (i, m) in article.mentions.iter().enumerate() {
        if m.role.is_some() || analyses[i].kind != MentionKind::Name {
            continue;
        }
        if let Some(role) = apposition(article, m.span, scratch, appositions) {
            found.push((i, role));
        }
    }
    for &(i, role) in found.iter() {
        article.mentions[i].role = Some(role);
    }
}

/// The appositions read, by the end of the name and the end of its paragraph.
type Appositions = FastMap<(usize, usize), Option<Span>>;

/// [`names::apposition_after`] `name`, within its paragraph, read once per article: a name
/// is often both a mention and a name run.
fn apposition(
    article: &Article<'_>,
    name: Span,
    scratch: &mut Scratch,
    appositions: &mut Appositions,
) -> Option<Span> {
    // Only a comma opens an apposition: anything else is read without the paragraph or
    // the map.
    let end = name.end;
    if article.text.as_bytes().get(end) != Some(&b',') {
        return None;
    }
    let limit = article
        .paragraphs
        .get(paragraph_index(article, name.start))?
        .span
        .end;
    *appositions.entry((end, limit)).or_insert_with(|| {
        let cue = |s: Span| cue_in(article, s);
        names::apposition_after(&article.text, end, limit, &cue, scratch)
    })
}

/// Adds `span` unless a span with the same text (ignoring case) is there.
fn push_unique(text: &str, list: &mut SmallList<Span>, span: Span) {
    let s = &text[span];
    if !list.iter().any(|&x| names::eq_fold(&text[x], s)) {
        list.push(span);
    }
}

/// Whether two given names agree: equal, or one is the other's initial.
fn given_agrees(text: &str, a: Span, b: Span) -> bool {
    let (x, y) = (&text[a], &text[b]);
    if names::eq_fold(x, y) {
        return true;
    }
    let initial = |i: &str, full: &str| {
        i.len() <= 3 && i.ends_with('.') && i.chars().next().is_some_and(|c| full.starts_with(c))
    };
    initial(x, y) || initial(y, x)
}

impl Linker {
    fn add(&mut self, entity: Entity) -> usize {
        self.entities.push(entity);
        self.entities.len() - 1
    }

    fn register_head(&mut self, text: &str, span: Span, e: usize) {
        let head = names::phrase_head(text, span, &mut self.scratch);
        self.register_head_word(text, head, e);
    }

    /// [`register_head`](Self::register_head) with the phrase's head word found.
    fn register_head_word(&mut self, text: &str, head: Option<Span>, e: usize) {
        if let Some(h) = head {
            let key = names::fold_hash(&text[h]);
            let list = self.by_head.entry(key).or_default();
            if !recent_slice(list.as_slice()).contains(&e) {
                list.push(e);
            }
        }
    }

    /// The most recently seen of `candidates` that `ok` accepts.
    fn most_recent(&self, candidates: &[usize], ok: impl Fn(&Entity) -> bool) -> Option<usize> {
        candidates
            .iter()
            .copied()
            .filter(|&e| ok(&self.entities[e]))
            .max_by_key(|&e| self.entities[e].last_seen)
    }

    fn link_person(&mut self, text: &str, m: &Mention, a: &Analysis, p: usize) -> usize {
        let (Some(name), Some(surname)) = (a.name, a.surname) else {
            return self.link_description(text, m, a, p);
        };
        let key = names::surname_key(&text[surname]);
        let gender = a.honorific.and_then(|h| h.1);
        let candidates = self.people_of(key);
        let suffix_ok = |e: &Entity| match (e.suffix, a.suffix) {
            (Some(x), Some(y)) => names::eq_fold(&text[x], &text[y]),
            (None, None) => true,
            // `Donald Trump` and `Donald Trump Jr.` are two people; a surname alone is
            // either.
            _ => a.given.is_none() || e.given.is_none(),
        };
        let gender_ok = |e: &Entity| gender.is_none() || e.gender.is_none() || e.gender == gender;
        let found = match a.given {
            Some(g) => self
                .most_recent(candidates, |e| {
                    e.given.is_some_and(|eg| given_agrees(text, eg, g))
                        && suffix_ok(e)
                        && gender_ok(e)
                })
                .or_else(|| {
                    self.most_recent(candidates, |e| {
                        e.given.is_none() && suffix_ok(e) && gender_ok(e)
                    })
                }),
            None => self.most_recent(candidates, |e| suffix_ok(e) && gender_ok(e)),
        };
        let e = match found {
            Some(e) => e,
            None => {
                let e = self.add(Entity::new(SpeakerKind::Person, name, m.span.start, p));
                self.by_surname.entry(key).or_default().push(e);
                e
            }
        };
        let ent = &mut self.entities[e];
        if a.name_words > ent.name_words {
            ent.name = name;
            ent.name_words = a.name_words;
        }
        if ent.given.is_none() {
            ent.given = a.given;
        }
        if ent.suffix.is_none() {
            ent.suffix = a.suffix;
        }
        ent.seen(m.span, p);
        if let Some((h, Some(g))) = a.honorific {
            ent.show_gender(g, h);
        }
        // The title's head was read with the mention (`span_head`), when it is that title.
        if m.title.is_some() && m.title == a.title {
            self.register_head_word(text, a.span_head, e);
        } else if let Some(t) = m.title {
            self.register_head(text, t, e);
        }
        if let Some(r) = m.role {
            self.register_head(text, r, e);
        }
        e
    }

    fn link_organisation(&mut self, text: &str, m: &Mention, a: &Analysis, p: usize) -> usize {
        let Some(name) = a.name else {
            // `the ministry`: the last organisation with that head, or a new one.
            return self.link_by_head(text, m, a, p, SpeakerKind::Organisation);
        };
        let key = names::fold_hash(&text[name]);
        let e = match self.named(text, SpeakerKind::Organisation, name, key) {
            Ok(e) => e,
            Err(key) => {
                let e = self.add(Entity::new(
                    SpeakerKind::Organisation,
                    name,
                    m.span.start,
                    p,
                ));
                self.by_name.insert(key, (e, name));
                // The name's head was read with the mention, when it is that name.
                self.register_head_word(text, a.span_head, e);
                e
            }
        };
        self.entities[e].seen(m.span, p);
        e
    }

    /// The entity of `kind` entered in [`Linker::by_name`] by `name` (case aside) from `key`
    /// on, or the first free key from there on to enter it by. (A hash is no proof: names
    /// that share a key by chance stay apart.)
    fn named(&self, text: &str, kind: SpeakerKind, name: Span, mut key: u64) -> Result<usize, u64> {
        while let Some(&(e, entered)) = self.by_name.get(&key) {
            if self.entities[e].kind == kind && names::eq_fold(&text[entered], &text[name]) {
                return Ok(e);
            }
            key = key.wrapping_add(1);
        }
        Err(key)
    }

    fn link_group(&mut self, text: &str, m: &Mention, a: &Analysis, p: usize) -> usize {
        let whole = a.whole.unwrap_or(m.span);
        // Groups join only when named alike; the key is kept apart from organisation names.
        let key = names::fold_hash(&text[whole]) ^ 0x9e37_79b9_7f4a_7c15;
        let e = match self.named(text, SpeakerKind::Group, whole, key) {
            Ok(e) => e,
            Err(key) => {
                let e = self.add(Entity::new(SpeakerKind::Group, whole, m.span.start, p));
                self.by_name.insert(key, (e, whole));
                e
            }
        };
        self.entities[e].seen(m.span, p);
        e
    }

    fn link_description(&mut self, text: &str, m: &Mention, a: &Analysis, p: usize) -> usize {
        self.link_by_head(text, m, a, p, SpeakerKind::Unnamed)
    }

    /// A definite description (`the minister`, `the ministry`) joins the most recent entity
    /// whose title, role or description has the same head word; anything else is a new
    /// entity.
    fn link_by_head(
        &mut self,
        text: &str,
        m: &Mention,
        a: &Analysis,
        p: usize,
        kind: SpeakerKind,
    ) -> usize {
        let head_key = a.head.map(|h| names::fold_hash(&text[h]));
        if a.definite {
            if let Some(k) = head_key {
                let candidates = recent_slice(self.by_head.get(&k).map_or(&[][..], Ids::as_slice));
                let found = self.most_recent(candidates, |e| match kind {
                    SpeakerKind::Organisation => e.kind == SpeakerKind::Organisation,
                    _ => e.kind != SpeakerKind::Organisation && e.kind != SpeakerKind::Group,
                });
                if let Some(e) = found {
                    self.entities[e].seen(m.span, p);
                    return e;
                }
            }
        }
        let whole = a.whole.unwrap_or(m.span);
        let mut entity = Entity::new(kind, whole, m.span.start, p);
        entity.personal = kind == SpeakerKind::Unnamed
            && a.head.is_some_and(|h| names::is_personal_head(text, h));
        let e = self.add(entity);
        if let Some(k) = head_key {
            self.by_head.entry(k).or_default().push(e);
        }
        e
    }

    /// Takes full names, titles, appositions and courtesy titles from name runs in the text;
    /// a full name of someone not yet known becomes an entity (quoted later through a
    /// pronoun, it becomes a speaker). Appends where each run names a person to
    /// `occurrences`, as `(position, entity)`.
    fn absorb_runs(
        &mut self,
        article: &Article<'_>,
        runs: &[NameRun],
        occurrences: &mut Vec<(usize, usize)>,
        appositions: &mut Appositions,
    ) {
        let text: &str = &article.text;
        // The buffers are taken out of `self` for the call (the methods below borrow it).
        let mut buffers = std::mem::take(&mut self.absorb);
        let AbsorbBuffers {
            group_of,
            keys,
            kept,
            starts,
            bare,
            grouped,
            next,
            people,
            taken,
        } = &mut buffers;
        let is_bare = |run: &NameRun| run.given.is_none() && run.title.is_none();
        // Runs by surname, surnames in order of first appearance: each kept run gets the
        // number of its surname (`group`), and a counting sort lays the runs out surname by
        // surname (`grouped[starts[g]..starts[g + 1]]`, in text order), with no list per
        // surname.
        group_of.clear(runs.len());
        keys.clear();
        kept.clear();
        bare.clear();
        // One map entry per run: the key's group, and whether a known person has it (asked
        // once per key; the people do not change in this loop).
        for (r, run) in runs.iter().enumerate() {
            let key = names::surname_key(&text[run.surname]);
            let alone = is_bare(run);
            let by_surname = &self.by_surname;
            let s = group_of.entry(key, || Surname {
                group: Surname::NO_GROUP,
                known: by_surname.contains_key(&key),
                loose: false,
            });
            if alone && !s.known {
                // A bare surname names only someone already known; it still shows that a
                // surname of a kept run stands alone: surnames that also stand alone
                // somewhere (`Sanders says …`) make a full name with them a person's, not
                // a place's (`Sandy Hook`, `New York`).
                s.loose = true;
                if s.group != Surname::NO_GROUP {
                    bare[s.group] = true;
                }
                continue;
            }
            if s.group == Surname::NO_GROUP {
                s.group = keys.len();
                keys.push((key, s.known));
                bare.push(s.loose);
            }
            bare[s.group] |= alone;
            kept.push((s.group, r));
        }
        starts.clear();
        starts.resize(keys.len() + 1, 0);
        for &(g, _) in kept.iter() {
            starts[g + 1] += 1;
        }
        for g in 0..keys.len() {
            starts[g + 1] += starts[g];
        }
        grouped.clear();
        grouped.resize(kept.len(), 0);
        next.clear();
        next.extend_from_slice(starts);
        for &(g, r) in kept.iter() {
            grouped[next[g]] = r;
            next[g] += 1;
        }
        occurrences.reserve(runs.len());
        self.run_roles.reserve(runs.len());
        for (g, &(key, known)) in keys.iter().enumerate() {
            let found = &grouped[starts[g]..starts[g + 1]];
            // The people of the surname, looked up once (and again when one is added):
            // `adopt_full_names` leaves them in `people`.
            self.adopt_full_names(text, (key, known), found, runs, people, taken);
            // New people: a titled name (`Mr. Lee`), or a full name whose surname stands
            // alone elsewhere or that an apposition describes.
            for &r in found {
                let run = &runs[r];
                if run.given.is_none() && run.title.is_none()
                    || self.run_entity(text, people, run).is_some()
                {
                    continue;
                }
                let mut described =
                    || apposition(article, run.name, &mut self.scratch, appositions).is_some();
                if run.title.is_some() || bare[g] || described() {
                    let p = paragraph_index(article, run.name.start);
                    let mut ent = Entity::new(SpeakerKind::Person, run.name, run.name.start, p);
                    ent.given = run.given;
                    ent.suffix = run.suffix;
                    let e = self.add(ent);
                    self.by_surname.entry(key).or_default().push(e);
                    people.clear();
                    people.extend_from_slice(self.people_of(key));
                }
            }
            for &r in found {
                let run = &runs[r];
                if let Some(e) = self.run_entity(text, people, run) {
                    occurrences.push((run.name.start, e));
                    self.absorb_run(article, run, e);
                }
            }
        }
        self.absorb = buffers;
    }

    /// The most recent people (at most [`SHARED_KEY_LIMIT`]) with the surname key `key`.
    fn people_of(&self, key: u64) -> &[usize] {
        recent_slice(self.by_surname.get(&key).map_or(&[][..], Ids::as_slice))
    }

    /// The known person a name run names among `people` (those of its surname,
    /// [`people_of`](Self::people_of)): one with the same given name; for a surname alone,
    /// the only person with it; for a titled surname (`Mr. Lee`), the most recent one whose
    /// gender does not contradict the title.
    fn run_entity(&self, text: &str, people: &[usize], run: &NameRun) -> Option<usize> {
        match run.given {
            Some(g) => people.iter().copied().find(|&e| {
                self.entities[e]
                    .given
                    .is_some_and(|eg| given_agrees(text, eg, g))
            }),
            None if people.len() == 1 => Some(people[0]),
            None if run.title.is_some() => {
                let g = run.honorific.and_then(|h| h.1);
                self.most_recent(people, |e| {
                    g.is_none() || e.gender.is_none() || e.gender == g
                })
            }
            None => None,
        }
    }

    /// A person known by surname alone takes the full name written nearest before its first
    /// mention (or, failing that, the first one after), unless another person with that
    /// surname has that given name.
    /// `taken` is scratch space; `people` is left holding the people of the surname
    /// ([`people_of`](Self::people_of)), which are looked up only when `key.1` says a
    /// known person has it.
    fn adopt_full_names(
        &mut self,
        text: &str,
        (key, known): (u64, bool),
        found: &[usize],
        runs: &[NameRun],
        people: &mut Vec<usize>,
        taken: &mut Vec<Span>,
    ) {
        people.clear();
        if !known {
            return;
        }
        people.extend_from_slice(self.people_of(key));
        for &e in people.iter() {
            if self.entities[e].given.is_some() {
                continue;
            }
            taken.clear();
            taken.extend(
                people
                    .iter()
                    .filter(|&&o| o != e)
                    .filter_map(|&o| self.entities[o].given),
            );
            let first = self.entities[e].first_seen;
            let pick = |before: bool| {
                let mut it = found.iter().copied().filter(|&r| {
                    let run = &runs[r];
                    run.given
                        .is_some_and(|g| !taken.iter().any(|&t| given_agrees(text, t, g)))
                        && (run.name.start < first) == before
                });
                if before {
                    it.next_back()
                } else {
                    it.min_by_key(|&r| runs[r].name.start)
                }
            };
            if let Some(r) = pick(true).or_else(|| pick(false)) {
                let ent = &mut self.entities[e];
                ent.given = runs[r].given;
                ent.suffix = ent.suffix.or(runs[r].suffix);
            }
        }
    }

    /// Takes a run's name (when fuller), title and courtesy title; its apposition is read
    /// later ([`Linker::run_roles`]).
    fn absorb_run(&mut self, article: &Article<'_>, run: &NameRun, e: usize) {
        let text: &str = &article.text;
        self.run_roles.push((e, run.name));
        let ent = &mut self.entities[e];
        if run.words > ent.name_words {
            ent.name = run.name;
            ent.name_words = run.words;
        }
        if let Some(t) = run.title {
            push_unique(text, &mut ent.titles, t);
        }
        if let Some((h, Some(g))) = run.honorific {
            ent.show_gender(g, h);
        }
    }

    /// The entity a pronoun stands for, if one is compatible and near enough.
    fn resolve(
        &self,
        pronoun: Pronoun,
        here: Place,
        prev_quote: Option<usize>,
        people: &[Occurrence],
        bodies: &[usize],
    ) -> Option<usize> {
        let paragraph = here.paragraph;
        let near = |e: usize, reach: usize| {
            paragraph.saturating_sub(self.entities[e].last_paragraph) <= reach
        };
        match pronoun {
            Pronoun::He | Pronoun::She => {
                let g = pronoun.gender();
                let fits = |e: usize, known: bool| {
                    let ent = &self.entities[e];
                    ent.personal
                        && if known {
                            ent.gender == g
                        } else {
                            ent.gender.is_none()
                        }
                };
                // 1. Someone named in this sentence before the pronoun or in the sentence
                //    just before: the first one named (the subject, more often than not).
                let just_before = here.sentence.saturating_sub(1);
                let any = |e: usize| fits(e, true) || fits(e, false);
                if let Some(e) = last_subject(people, here, just_before, &any) {
                    return Some(e);
                }
                // 2. The previous quote's speaker, then anyone named earlier: one the article
                //    already calls he (she) before one whose gender it has not shown.
                [true, false].into_iter().find_map(|known| {
                    prev_quote
                        .filter(|&e| fits(e, known) && near(e, PRONOUN_REACH))
                        .or_else(|| last_subject(people, here, 0, &|e| fits(e, known)))
                })
            }
            Pronoun::They | Pronoun::It => {
                let ok = |e: usize| {
                    let kind = self.entities[e].kind;
                    let kind_ok = match pronoun {
                        Pronoun::It => kind == SpeakerKind::Organisation,
                        _ => kind == SpeakerKind::Organisation || kind == SpeakerKind::Group,
                    };
                    kind_ok && near(e, PRONOUN_REACH)
                };
                prev_quote
                    .filter(|&e| ok(e))
                    .or_else(|| bodies.iter().rev().copied().find(|&e| ok(e)))
            }
            // `we` in an attribution speaks for the body quoted just before, in the same
            // paragraph; `I` outside a quote is the writer, who is no speaker here.
            Pronoun::We => prev_quote.filter(|&e| {
                matches!(
                    self.entities[e].kind,
                    SpeakerKind::Organisation | SpeakerKind::Group
                ) && near(e, 0)
            }),
            Pronoun::I => None,
        }
    }
}

#[cfg(test)]
pub(crate) mod testkit {
    //! Builds articles by hand for the tests of the later stages, as the attribution stage
    //! would fill them.

    use crate::{
        Article, IdRange, Mention, MentionKind, Paragraph, ParagraphId, PatternSet, Quote,
        QuoteKind, Rule, Sentence, SentenceId, SmallList, Span,
    };

    /// An article with its paragraphs, sentences and cues, and nothing attributed. Sentences
    /// are split here (not by the sentence stage) so that these tests do not depend on it:
    /// after `.`, `?` or `!` and a space before a capital or a quotation mark, unless the
    /// word is an initial or a listed abbreviation.
    pub(crate) fn bare(text: &str) -> Article<'_> {
        let mut article = Article::empty(text);
        for (p, block) in blocks(text).into_iter().enumerate() {
            let first = article.sentences.len();
            // Lines are split apart too: key points are one per line.
            let mut line_start = block.span.start;
            for line in text[block.span].split('\n') {
                let trimmed = line.trim();
                if !trimmed.is_empty() {
                    let lead = line.len() - line.trim_start().len();
                    let span = Span::new(line_start + lead, line_start + lead + trimmed.len());
                    for span in split(text, span) {
                        article.sentences.push(Sentence {
                            span,
                            paragraph: ParagraphId::from_index(p),
                        });
                    }
                }
                line_start += line.len() + 1;
            }
            article.paragraphs.push(Paragraph {
                span: block.span,
                sentences: IdRange::new(
                    SentenceId::from_index(first),
                    SentenceId::from_index(article.sentences.len()),
                ),
                bullet: false,
                headline: false,
            });
        }
        article.cues = PatternSet::english().scan(text);
        article
    }

    /// A paragraph of the hand-built article.
    struct Block {
        span: Span,
    }

    /// Paragraphs: runs of lines between blank lines (no headline, byline or key points:
    /// these tests do not depend on the layout stage).
    fn blocks(text: &str) -> Vec<Block> {
        let mut out = Vec::new();
        let mut start: Option<usize> = None;
        let mut end = 0;
        let mut pos = 0;
        for line in text.split_inclusive('\n') {
            let trimmed = line.trim();
            if trimmed.is_empty() {
                if let Some(s) = start.take() {
                    out.push(Block {
                        span: Span::new(s, end),
                    });
                }
            } else {
                let lead = line.len() - line.trim_start().len();
                start.get_or_insert(pos + lead);
                end = pos + lead + trimmed.len();
            }
            pos += line.len();
        }
        if let Some(s) = start {
            out.push(Block {
                span: Span::new(s, end),
            });
        }
        out
    }

    fn split(text: &str, para: Span) -> Vec<Span> {
        const ABBREVIATIONS: &[&str] = &[
            "Mr.", "Mrs.", "Ms.", "Dr.", "Nov.", "Jr.", "Sen.", "Gen.", "St.",
        ];
        let p = &text[para];
        let mut out = Vec::new();
        let mut start = 0;
        for (i, c) in p.char_indices() {
            if !matches!(c, '.' | '?' | '!') {
                continue;
            }
            let after = &p[i + 1..];
            let after = after.trim_start_matches(['"', '”', '’']);
            let Some(rest) = after.strip_prefix(' ') else {
                continue;
            };
            let next = rest.chars().next().unwrap_or(' ');
            if !(next.is_uppercase() || matches!(next, '"' | '“' | '‘')) {
                continue;
            }
            let word_start = p[..i].rfind(' ').map_or(0, |s| s + 1);
            let word = &p[word_start..=i];
            let initial = word.len() == 2 && word.starts_with(|c: char| c.is_uppercase());
            if initial || ABBREVIATIONS.contains(&word) || word[..word.len() - 1].contains('.') {
                continue;
            }
            let end = p.len() - after.len() + (after.len() - rest.len()) - 1;
            out.push(Span::new(para.start + start, para.start + end));
            start = end + 1;
        }
        if start < p.len() {
            out.push(Span::new(para.start + start, para.end));
        }
        out
    }

    /// The span of the `nth` whole-word occurrence of `needle`.
    pub(crate) fn find(text: &str, needle: &str, nth: usize) -> Span {
        let mut seen = 0;
        let mut from = 0;
        while let Some(i) = text[from..].find(needle) {
            let s = from + i;
            let e = s + needle.len();
            let before = text[..s].chars().next_back();
            let after = text[e..].chars().next();
            let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
            if !word(before) && !word(after) {
                if seen == nth {
                    return Span::new(s, e);
                }
                seen += 1;
            }
            from = s + needle.len().max(1);
        }
        panic!("{needle:?} (#{nth}) not in the text");
    }

    /// Adds a mention.
    pub(crate) fn mention(article: &mut Article<'_>, span: Span) {
        article.mentions.push(Mention {
            span,
            kind: MentionKind::Name,
            name: None,
            title: None,
            role: None,
            speaker: None,
        });
    }

    /// Adds an attributed quote with its mention and cue (the cue's pattern, when the
    /// article's cues hold one at that span).
    pub(crate) fn quote(
        article: &mut Article<'_>,
        kind: QuoteKind,
        content: Span,
        mention: Option<Span>,
        cue: Option<Span>,
        rule: Rule,
    ) {
        if let Some(m) = mention {
            if !article.mentions.iter().any(|x| x.span == m) {
                self::mention(article, m);
            }
        }
        let sentence = article
            .sentences
            .partition_point(|s| s.span.start <= content.start)
            .saturating_sub(1);
        let paragraph = article
            .sentences
            .get(sentence)
            .map_or(ParagraphId(0), |s| s.paragraph);
        let pattern =
            cue.and_then(|c| article.cues.iter().find(|x| x.span == c).map(|x| x.pattern));
        article.quotes.push(Quote {
            kind,
            span: content,
            content,
            segments: SmallList::one(content),
            marked: kind != QuoteKind::Indirect,
            paragraph,
            sentence: SentenceId::from_index(sentence),
            speaker: None,
            mention,
            source: mention,
            cue,
            pattern,
            quotations: SmallList::new(),
            parent: None,
            rule,
            confidence: 1.0,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::testkit::{bare, find, mention, quote};
    use super::*;
    use crate::{QuoteKind, Rule};

    #[test]
    fn the_surname_table_keeps_one_entry_per_key() {
        let mut table = SurnameTable::default();
        for n in [0, 1, 7, 8, 9, 100] {
            table.clear(n);
            // Keys of every sort: zero, the largest, and ones that differ in high bits only.
            let keys: Vec<u64> = (0..n as u64)
                .map(|i| match i % 3 {
                    0 => i,
                    1 => u64::MAX - i,
                    _ => (i << 60) | (i << 20),
                })
                .collect();
            let mut made = 0;
            for round in 0..2 {
                for (g, &key) in keys.iter().enumerate() {
                    let s = table.entry(key, || {
                        made += 1;
                        Surname {
                            group: g,
                            known: false,
                            loose: false,
                        }
                    });
                    assert_eq!(s.group, g, "{key:x} in round {round}");
                    s.loose = true;
                }
            }
            assert_eq!(made, n);
            assert!(table.slots.iter().flatten().all(|(_, s)| s.loose));
        }
    }

    #[test]
    fn names_that_share_a_key_stay_apart() {
        // Two names entered by the same key, as a hash collision would have it.
        let text = "the Harbour Board and the Water Board, the HARBOUR BOARD";
        let (harbour, water) = (find(text, "Harbour Board", 0), find(text, "Water Board", 0));
        let mut l = Linker::default();
        let org = SpeakerKind::Organisation;
        let e = l.add(Entity::new(org, harbour, harbour.start, 0));
        l.by_name.insert(7, (e, harbour));
        assert_eq!(l.named(text, org, harbour, 7), Ok(e));
        let upper = find(text, "HARBOUR BOARD", 0);
        assert_eq!(l.named(text, org, upper, 7), Ok(e));
        assert_eq!(l.named(text, SpeakerKind::Group, harbour, 7), Err(8));
        assert_eq!(l.named(text, org, water, 7), Err(8));
        let w = l.add(Entity::new(org, water, water.start, 0));
        l.by_name.insert(8, (w, water));
        assert_eq!(l.named(text, org, water, 7), Ok(w));
        assert_eq!(l.named(text, org, harbour, 7), Ok(e));
    }

    /// Adds an indirect quote: content from after `content_from` to the sentence's end,
    /// speaker `who` (its `nth` occurrence), cue `cue` (first occurrence after the mention).
    fn say(article: &mut Article<'_>, who: &str, nth: usize, cue: &str, content_from: &str) {
        let text: &str = &article.text.clone();
        let m = find(text, who, nth);
        let c = {
            let off = m.end;
            let s = find(&text[off..], cue, 0);
            Span::new(off + s.start, off + s.end)
        };
        let from = text.find(content_from).unwrap();
        let end = text[from..].find('.').map_or(text.len(), |i| from + i);
        quote(
            article,
            QuoteKind::Indirect,
            Span::new(from, end),
            Some(m),
            Some(c),
            Rule::ReportedClause,
        );
    }

    fn speaker_of<'t>(article: &'t Article<'_>, q: usize) -> Option<&'t str> {
        let id = article.quotes[q].speaker?;
        Some(article.slice(article.speakers[id.index()].name))
    }

    #[test]
    fn one_speaker_per_person_however_named() {
        let text = "Kremlin Press Secretary Dmitry Peskov said talks failed.\n\n\
                    Peskov said they would resume.\n\n\
                    Dmitry Peskov said nothing else.";
        let mut a = bare(text);
        say(
            &mut a,
            "Kremlin Press Secretary Dmitry Peskov",
            0,
            "said",
            "talks failed",
        );
        say(&mut a, "Peskov", 1, "said", "they would resume");
        say(&mut a, "Dmitry Peskov", 1, "said", "nothing else");
        run(&mut a);
        assert_eq!(a.speakers.len(), 1);
        let s = &a.speakers[0];
        assert_eq!(a.slice(s.name), "Dmitry Peskov");
        assert_eq!(s.kind, SpeakerKind::Person);
        assert_eq!(s.quotes.len(), 3);
        assert_eq!(s.mentions.len(), 3);
        let titles: Vec<&str> = s.titles.iter().map(|&t| a.slice(t)).collect();
        assert_eq!(titles, ["Kremlin Press Secretary"]);
        assert!(a.mentions.iter().all(|m| m.speaker == Some(SpeakerId(0))));
        assert_eq!(a.slice(a.mentions[0].name.unwrap()), "Dmitry Peskov");
        assert_eq!(
            a.slice(a.mentions[0].title.unwrap()),
            "Kremlin Press Secretary"
        );
    }

    #[test]
    fn surname_first_then_full_name_and_title() {
        let text =
            "Putin said it was late.\n\nPresident Putin said more.\n\nVladimir Putin said so.";
        let mut a = bare(text);
        say(&mut a, "Putin", 0, "said", "it was late");
        say(&mut a, "President Putin", 0, "said", "more");
        say(&mut a, "Vladimir Putin", 0, "said", "so");
        run(&mut a);
        assert_eq!(a.speakers.len(), 1);
        assert_eq!(a.slice(a.speakers[0].name), "Vladimir Putin");
        assert_eq!(a.speakers[0].titles.len(), 1);
    }

    #[test]
    fn same_surname_different_given_names_stay_apart() {
        let text = "Hillary Clinton said she would run.\n\nBill Clinton said he agreed.\n\n\
                    Clinton said the race was close.";
        let mut a = bare(text);
        say(&mut a, "Hillary Clinton", 0, "said", "she would run");
        say(&mut a, "Bill Clinton", 0, "said", "he agreed");
        say(&mut a, "Clinton", 2, "said", "the race was close");
        run(&mut a);
        assert_eq!(a.speakers.len(), 2);
        assert_eq!(speaker_of(&a, 0), Some("Hillary Clinton"));
        assert_eq!(speaker_of(&a, 1), Some("Bill Clinton"));
        // A surname alone goes to the one mentioned last.
        assert_eq!(speaker_of(&a, 2), Some("Bill Clinton"));
    }

    #[test]
    fn honorifics_keep_people_apart_and_show_gender() {
        let text =
            "Mr. Lee said the plan works.\n\nMrs. Lee said it does not.\n\nMr. Lee said again.";
        let mut a = bare(text);
        say(&mut a, "Mr. Lee", 0, "said", "the plan works");
        say(&mut a, "Mrs. Lee", 0, "said", "it does not");
        say(&mut a, "Mr. Lee", 1, "said", "again");
        run(&mut a);
        assert_eq!(a.speakers.len(), 2);
        assert_eq!(a.speakers[0].gender, Some(Gender::Masculine));
        assert_eq!(a.speakers[1].gender, Some(Gender::Feminine));
        assert_eq!(a.slice(a.speakers[1].gender_evidence[0]), "Mrs.");
        assert_eq!(a.quotes[2].speaker, a.quotes[0].speaker);
    }

    #[test]
    fn surname_takes_the_full_name_written_elsewhere() {
        let text = "Dmitry Peskov arrived late on Monday.\n\nPeskov said talks were over.";
        let mut a = bare(text);
        say(&mut a, "Peskov", 1, "said", "talks were over");
        run(&mut a);
        assert_eq!(a.speakers.len(), 1);
        assert_eq!(a.slice(a.speakers[0].name), "Dmitry Peskov");
        // Only the quote's mention is a mention; the name run is not.
        assert_eq!(a.speakers[0].mentions.len(), 1);
    }

    #[test]
    fn full_name_elsewhere_respects_other_people_with_the_surname() {
        let text = "Hillary Clinton spoke first.\n\nBill Clinton said he agreed.\n\n\
                    Clinton said the race was close.";
        let mut a = bare(text);
        say(&mut a, "Bill Clinton", 0, "said", "he agreed");
        say(&mut a, "Clinton", 2, "said", "the race was close");
        run(&mut a);
        assert_eq!(speaker_of(&a, 1), Some("Bill Clinton"));
    }

    #[test]
    fn titles_and_appositions_are_gathered() {
        let text = "Dmitry Peskov, the Kremlin Press Secretary, said talks failed.\n\n\
                    Russian President Vladimir Putin was silent.\n\n\
                    Putin said later that he agreed.";
        let mut a = bare(text);
        say(&mut a, "Dmitry Peskov", 0, "said", "talks failed");
        say(&mut a, "Putin", 1, "said", "he agreed");
        run(&mut a);
        let peskov = &a.speakers[0];
        assert_eq!(a.slice(peskov.roles[0]), "the Kremlin Press Secretary");
        assert_eq!(
            a.slice(a.mentions[0].role.unwrap()),
            "the Kremlin Press Secretary"
        );
        let putin = &a.speakers[1];
        assert_eq!(a.slice(putin.name), "Vladimir Putin");
        assert_eq!(a.slice(putin.titles[0]), "Russian President");
    }

    #[test]
    fn definite_descriptions_refer_back() {
        let text = "A lawmaker from the ruling party said it would pass.\n\n\
                    The lawmaker said more.\n\n\
                    Kremlin spokesman Dmitry Peskov said no.\n\n\
                    The spokesman said it again.\n\n\
                    A senior official said yes.\n\n\
                    A senior official said no.";
        let mut a = bare(text);
        say(
            &mut a,
            "A lawmaker from the ruling party",
            0,
            "said",
            "it would pass",
        );
        say(&mut a, "The lawmaker", 0, "said", "more");
        say(&mut a, "Kremlin spokesman Dmitry Peskov", 0, "said", "no");
        say(&mut a, "The spokesman", 0, "said", "it again");
        say(&mut a, "A senior official", 0, "said", "yes");
        say(&mut a, "A senior official", 1, "said", "no.");
        run(&mut a);
        assert_eq!(speaker_of(&a, 0), Some("A lawmaker from the ruling party"));
        assert_eq!(a.quotes[1].speaker, a.quotes[0].speaker);
        assert_eq!(speaker_of(&a, 3), Some("Dmitry Peskov"));
        // Two indefinite descriptions may be two people.
        assert_ne!(a.quotes[4].speaker, a.quotes[5].speaker);
        assert_eq!(a.speakers[0].kind, SpeakerKind::Unnamed);
    }

    #[test]
    fn organisations_and_groups() {
        let text = "The Kremlin said no.\n\nThe Foreign Ministry said yes.\n\n\
                    The ministry said maybe.\n\nRussian officials said so.\n\n\
                    Russian officials said more.\n\nOther senior Russian officials said less.\n\n\
                    According to the Kremlin, talks failed.";
        let mut a = bare(text);
        say(&mut a, "The Kremlin", 0, "said", "no");
        say(&mut a, "The Foreign Ministry", 0, "said", "yes");
        say(&mut a, "The ministry", 0, "said", "maybe");
        say(&mut a, "Russian officials", 0, "said", "so");
        say(&mut a, "Russian officials", 1, "said", "more");
        say(&mut a, "Other senior Russian officials", 0, "said", "less");
        let m = find(text, "the Kremlin", 0);
        let cue = find(text, "According to", 0);
        let c = find(text, "talks failed", 0);
        quote(
            &mut a,
            QuoteKind::Indirect,
            c,
            Some(m),
            Some(cue),
            Rule::AccordingTo,
        );
        run(&mut a);
        assert_eq!(speaker_of(&a, 0), Some("Kremlin"));
        assert_eq!(a.speakers[0].kind, SpeakerKind::Organisation);
        assert_eq!(speaker_of(&a, 1), Some("Foreign Ministry"));
        assert_eq!(a.quotes[2].speaker, a.quotes[1].speaker);
        assert_eq!(speaker_of(&a, 3), Some("Russian officials"));
        assert_eq!(a.quotes[4].speaker, a.quotes[3].speaker);
        assert_eq!(speaker_of(&a, 5), Some("Other senior Russian officials"));
        assert_ne!(a.quotes[5].speaker, a.quotes[3].speaker);
        assert_eq!(a.quotes[6].speaker, a.quotes[0].speaker);
        let groups = a
            .speakers
            .iter()
            .filter(|s| s.kind == SpeakerKind::Group)
            .count();
        assert_eq!(groups, 2);
    }

    /// (text, speaker mentions with their cue and content, expected speaker of each quote)
    struct PronounCase {
        text: &'static str,
        quotes: &'static [(&'static str, usize, &'static str)],
        speakers: &'static [Option<&'static str>],
    }

    const PRONOUNS: &[PronounCase] = &[
        // The previous quote's speaker first; a she never resolves to a he.
        PronounCase {
            text: "Ann Lee said the vote was fair.\n\nHe said it was not.\n\nShe said it was.",
            quotes: &[
                ("Ann Lee", 0, "the vote"),
                ("He", 0, "it was not"),
                ("She", 0, "it was."),
            ],
            speakers: &[Some("Ann Lee"), Some("Ann Lee"), None],
        },
        PronounCase {
            text: "Mrs. Lee said the vote was fair.\n\nHe said it was not.",
            quotes: &[("Mrs. Lee", 0, "the vote"), ("He", 0, "it was not")],
            speakers: &[Some("Lee"), None],
        },
        // The subject of the sentence just before, whose gender the article has not shown.
        PronounCase {
            text: "Ms. Ardern said the vote was fair.\n\nJohn Key said no.\n\nShe said yes.",
            quotes: &[
                ("Ms. Ardern", 0, "the vote"),
                ("John Key", 0, "no."),
                ("She", 0, "yes"),
            ],
            speakers: &[Some("Ardern"), Some("John Key"), Some("John Key")],
        },
        // Further back, a person the article calls she before one whose gender it has not
        // shown, the previous quote's speaker included.
        PronounCase {
            text: "Ms. Ardern said the vote was fair.\n\nJohn Key said no.\n\nThe count went on.\n\nShe said yes.",
            quotes: &[
                ("Ms. Ardern", 0, "the vote"),
                ("John Key", 0, "no."),
                ("She", 0, "yes"),
            ],
            speakers: &[Some("Ardern"), Some("John Key"), Some("Ardern")],
        },
        PronounCase {
            text: "The Kremlin said no.\n\nThey said it twice.\n\nIt said it again.",
            quotes: &[
                ("The Kremlin", 0, "no"),
                ("They", 0, "it twice"),
                ("It", 0, "it again"),
            ],
            speakers: &[Some("Kremlin"), Some("Kremlin"), Some("Kremlin")],
        },
        PronounCase {
            text:
                "Ann Lee said no.\n\nCritics said yes.\n\nThey said it twice.\n\nHe said it again.",
            quotes: &[
                ("Ann Lee", 0, "no"),
                ("Critics", 0, "yes"),
                ("They", 0, "it twice"),
                ("He", 0, "it again"),
            ],
            speakers: &[
                Some("Ann Lee"),
                Some("Critics"),
                Some("Critics"),
                Some("Ann Lee"),
            ],
        },
        PronounCase {
            text: "He said the vote was fair.\n\nI said so too.",
            quotes: &[("He", 0, "the vote"), ("I", 0, "so too")],
            speakers: &[None, None],
        },
        PronounCase {
            text: "Ann Lee said no.\n\nOne.\n\nTwo.\n\nThree.\n\nFour.\n\nFive.\n\nHe said yes.",
            quotes: &[("Ann Lee", 0, "no"), ("He", 0, "yes")],
            speakers: &[Some("Ann Lee"), None],
        },
    ];

    #[test]
    fn pronouns_resolve_to_compatible_entities() {
        for case in PRONOUNS {
            let mut a = bare(case.text);
            for &(who, nth, content) in case.quotes {
                say(&mut a, who, nth, "said", content);
            }
            run(&mut a);
            let got: Vec<Option<&str>> = (0..a.quotes.len()).map(|q| speaker_of(&a, q)).collect();
            assert_eq!(got, case.speakers, "{}", case.text);
            for q in &a.quotes {
                assert!(
                    q.mention.is_some(),
                    "an unresolved pronoun keeps its mention"
                );
            }
        }
    }

    #[test]
    fn pronouns_fall_back_to_the_subject_of_a_recent_sentence() {
        // The previous quote's speaker is a she; the he is the last person named outside
        // quotation marks, and the first one named in that sentence.
        let text = "Ms. Lee said the count was fair.\n\n\
                    On Sunday, Tom Roe, the challenger, went on the offensive against Ann Park.\n\n\
                    He said it was rigged.";
        let mut a = bare(text);
        say(&mut a, "Ms. Lee", 0, "said", "the count was fair");
        say(&mut a, "He", 0, "said", "it was rigged");
        run(&mut a);
        assert_eq!(speaker_of(&a, 1), Some("Tom Roe"));
        assert_eq!(a.speakers.len(), 2);
        assert_eq!(a.speakers[1].gender, Some(Gender::Masculine));
        assert_eq!(a.slice(a.speakers[1].roles[0]), "the challenger");

        // Two capitalised words are a person's name only with some sign of it: a title, an
        // apposition, the surname standing alone elsewhere.
        let text = "Ms. Lee said the count was fair.\n\n\
                    On Sunday, Sandy Hook was quiet.\n\n\
                    He said it was rigged.";
        let mut a = bare(text);
        say(&mut a, "Ms. Lee", 0, "said", "the count was fair");
        say(&mut a, "He", 0, "said", "it was rigged");
        run(&mut a);
        assert_eq!(speaker_of(&a, 1), None);
        let text = "Ms. Lee said the count was fair.\n\n\
                    On Sunday, Sandy Hook was quiet. Hook left early.\n\n\
                    He said it was rigged.";
        let mut a = bare(text);
        say(&mut a, "Ms. Lee", 0, "said", "the count was fair");
        say(&mut a, "He", 0, "said", "it was rigged");
        run(&mut a);
        assert_eq!(speaker_of(&a, 1), Some("Sandy Hook"));

        // Names inside quotation marks are not antecedents.
        let text = "Ms. Lee said: \"Tom Roe is wrong.\"\n\n\
                    He said it was rigged.";
        let mut a = bare(text);
        a.quotations.push(crate::Quotation {
            span: Span::new(text.find('"').unwrap(), text.rfind('"').unwrap() + 1),
            content: Span::new(text.find('"').unwrap() + 1, text.rfind('"').unwrap()),
            depth: 0,
            parent: None,
            role: crate::QuotationRole::Speech,
            paragraph: crate::ParagraphId(0),
            closed: true,
            continues: None,
        });
        say(&mut a, "Ms. Lee", 0, "said", "Tom Roe is wrong");
        say(&mut a, "He", 0, "said", "it was rigged");
        run(&mut a);
        assert_eq!(speaker_of(&a, 1), None);
        assert_eq!(a.speakers.len(), 1);
    }

    #[test]
    fn gender_comes_from_the_article_only() {
        let text = "Ann Lee said the vote was fair.\n\nShe said it twice.";
        let mut a = bare(text);
        say(&mut a, "Ann Lee", 0, "said", "the vote");
        run(&mut a);
        // No pronoun, no honorific: no gender, whatever the first name.
        assert_eq!(a.speakers[0].gender, None);
        let mut a = bare(text);
        say(&mut a, "Ann Lee", 0, "said", "the vote");
        say(&mut a, "She", 0, "said", "it twice");
        run(&mut a);
        assert_eq!(a.speakers[0].gender, Some(Gender::Feminine));
        assert_eq!(a.slice(a.speakers[0].gender_evidence[0]), "She");
        assert_eq!(a.speakers[0].mentions.len(), 2);
    }

    #[test]
    fn subjects_that_are_never_quoted_are_not_speakers() {
        let text = "Ann Lee said no.\n\nJohn Key walked in.\n\nThe room was cold.\n\nHe said yes.";
        let mut a = bare(text);
        say(&mut a, "Ann Lee", 0, "said", "no");
        // A subject the attribution stage saw, with no quote.
        let key = find(text, "John Key", 0);
        mention(&mut a, key);
        say(&mut a, "He", 0, "said", "yes");
        run(&mut a);
        assert_eq!(a.speakers.len(), 1);
        // The previous quote's speaker wins over a subject two sentences back.
        assert_eq!(speaker_of(&a, 1), Some("Ann Lee"));
        let key_mention = a.mentions.iter().find(|m| m.span == key).unwrap();
        assert_eq!(key_mention.speaker, None);
        assert_eq!(key_mention.kind, MentionKind::Name);
    }

    #[test]
    fn quote_mentions_missing_from_the_table_are_added() {
        let text = "Ann Lee said no.";
        let mut a = bare(text);
        say(&mut a, "Ann Lee", 0, "said", "no");
        a.mentions.clear();
        run(&mut a);
        assert_eq!(a.mentions.len(), 1);
        assert_eq!(speaker_of(&a, 0), Some("Ann Lee"));
    }

    #[test]
    fn many_mentions_link_in_linear_time() {
        // 4,000 people, each quoted twice, surname alone the second time.
        let mut text = String::new();
        for i in 0..4000 {
            text.push_str(&format!("Ann Q{i}x said yes.\n\n"));
        }
        for i in 0..4000 {
            text.push_str(&format!("Q{i}x said no.\n\n"));
        }
        let mut a = bare(&text);
        for i in 0..4000 {
            say(&mut a, &format!("Ann Q{i}x"), 0, "said", "yes");
        }
        let text2 = text.clone();
        for i in 0..4000 {
            let m = find(&text2, &format!("Q{i}x"), 1);
            let c = Span::new(m.end + 1, m.end + 5);
            quote(
                &mut a,
                QuoteKind::Indirect,
                Span::new(m.end + 6, m.end + 8),
                Some(m),
                Some(c),
                Rule::ReportedClause,
            );
        }
        let t0 = std::time::Instant::now();
        run(&mut a);
        let took = t0.elapsed();
        assert_eq!(a.speakers.len(), 4000);
        assert!(a.speakers.iter().all(|s| s.quotes.len() == 2));
        // Quadratic linking would take minutes here; linear takes milliseconds.
        assert!(took.as_secs() < 5, "{took:?}");
        eprintln!("linked 8,000 mentions in {took:?}");
    }
}
