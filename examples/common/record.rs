//! JSON views of a parsed [`Article`], shared by the examples (and included by the tests with
//! `#[path]`): the batch record (quotes, quotations, speakers, claims), the fuller view that
//! `extract` prints, and the batch line and block processing.
//!
//! Offsets are bytes or Unicode characters ([`Offsets`]); character offsets go through one
//! [`CharIndex`] per article.
#![allow(dead_code)]

use std::borrow::Cow;
use std::sync::atomic::{AtomicUsize, Ordering};

use quotative::{Article, CharIndex, Parser, PatternKind, PatternSet, Quote, Span};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// How offsets are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Offsets {
    /// UTF-8 byte offsets (Rust `&str` indices).
    Bytes,
    /// Unicode scalar offsets (Python `str` indices, annotated corpora).
    Chars,
}

impl Offsets {
    /// Parses `bytes` or `chars`.
    pub(crate) fn parse(name: &str) -> Option<Self> {
        match name {
            "bytes" => Some(Self::Bytes),
            "chars" => Some(Self::Chars),
            _ => None,
        }
    }
}

/// Converts the byte offsets of one article into the chosen offsets.
struct Conv<'t> {
    text: &'t str,
    chars: Option<CharIndex>,
}

impl<'t> Conv<'t> {
    fn new(text: &'t str, offsets: Offsets) -> Self {
        let chars = match offsets {
            Offsets::Bytes => None,
            Offsets::Chars => Some(CharIndex::new(text)),
        };
        Self { text, chars }
    }

    fn at(&self, byte: usize) -> usize {
        self.chars.as_ref().map_or(byte, |c| c.char_offset(byte))
    }

    fn pair(&self, span: Span) -> [usize; 2] {
        [self.at(span.start), self.at(span.end)]
    }

    fn text(&self, span: Span) -> &'t str {
        self.text.get(span.range()).unwrap_or("")
    }

    fn span(&self, span: Span) -> SpanRecord {
        let [start, end] = self.pair(span);
        SpanRecord { start, end }
    }

    fn span_text(&self, span: Span) -> SpanText<'t> {
        let [start, end] = self.pair(span);
        SpanText {
            start,
            end,
            text: self.text(span),
        }
    }
}

/// A span.
#[derive(Debug, Serialize)]
struct SpanRecord {
    start: usize,
    end: usize,
}

/// A span and its text.
#[derive(Debug, Serialize)]
struct SpanText<'t> {
    start: usize,
    end: usize,
    text: &'t str,
}

/// One quote, in the batch format.
#[derive(Debug, Serialize)]
struct QuoteRecord<'t> {
    kind: &'static str,
    start: usize,
    end: usize,
    content_start: usize,
    content_end: usize,
    segments: Vec<SpanRecord>,
    text: &'t str,
    speaker_id: Option<u32>,
    speaker: Option<&'t str>,
    speaker_start: Option<usize>,
    speaker_end: Option<usize>,
    speaker_mention: Option<&'t str>,
    cue: Option<&'t str>,
    cue_start: Option<usize>,
    cue_end: Option<usize>,
    parent: Option<u32>,
    rule: &'static str,
    confidence: f32,
}

/// One pair of quotation marks.
#[derive(Debug, Serialize)]
struct QuotationRecord {
    start: usize,
    end: usize,
    content_start: usize,
    content_end: usize,
    depth: u32,
    parent: Option<u32>,
    role: &'static str,
    closed: bool,
}

/// One speaker.
#[derive(Debug, Serialize)]
struct SpeakerRecord<'t> {
    id: u32,
    name: &'t str,
    kind: &'static str,
    titles: Vec<&'t str>,
    roles: Vec<&'t str>,
    mentions: Vec<[usize; 2]>,
    quotes: Vec<u32>,
}

/// One claim.
#[derive(Debug, Serialize)]
struct ClaimRecord<'t> {
    speaker_id: Option<u32>,
    speaker: Option<&'t str>,
    speaker_start: Option<usize>,
    speaker_end: Option<usize>,
    cue: Option<&'t str>,
    cue_start: Option<usize>,
    cue_end: Option<usize>,
    content_start: usize,
    content_end: usize,
    text: &'t str,
    quotes: Vec<u32>,
    modality: &'static str,
    hedged: bool,
    negated: bool,
    relay: Option<SpanText<'t>>,
    medium: Option<SpanText<'t>>,
    addressee: Option<SpanText<'t>>,
    time: Option<SpanText<'t>>,
    evidence: Vec<SpanText<'t>>,
}

/// The tables of one article, in the batch format (issue 7).
#[derive(Debug, Serialize)]
pub(crate) struct Tables<'t> {
    quotes: Vec<QuoteRecord<'t>>,
    quotations: Vec<QuotationRecord>,
    speakers: Vec<SpeakerRecord<'t>>,
    claims: Vec<ClaimRecord<'t>>,
}

impl<'t> Tables<'t> {
    /// The tables of `article`, with offsets as asked.
    pub(crate) fn new(article: &'t Article<'_>, offsets: Offsets) -> Self {
        Self::with(article, &Conv::new(article.text(), offsets))
    }

    fn with(article: &'t Article<'_>, conv: &Conv<'t>) -> Self {
        let speaker_name = |id: Option<quotative::SpeakerId>| {
            id.and_then(|id| article.speaker(id))
                .map(|s| conv.text(s.name))
        };
        let opt = |s: Option<Span>| s.map(|s| conv.pair(s));
        let quotes = article
            .quotes()
            .iter()
            .map(|q: &Quote| {
                let [start, end] = conv.pair(q.span);
                let [content_start, content_end] = conv.pair(q.content);
                // The speaker as written, apposition included (what corpora annotate).
                let written = q.source.or(q.mention);
                let mention = opt(written);
                let cue = opt(q.cue);
                QuoteRecord {
                    kind: q.kind.as_str(),
                    start,
                    end,
                    content_start,
                    content_end,
                    segments: q.segments.iter().map(|&s| conv.span(s)).collect(),
                    text: conv.text(q.content),
                    speaker_id: q.speaker.map(|id| id.0),
                    speaker: speaker_name(q.speaker),
                    speaker_start: mention.map(|m| m[0]),
                    speaker_end: mention.map(|m| m[1]),
                    speaker_mention: written.map(|m| conv.text(m)),
                    cue: q.cue.map(|c| conv.text(c)),
                    cue_start: cue.map(|c| c[0]),
                    cue_end: cue.map(|c| c[1]),
                    parent: q.parent.map(|p| p.0),
                    rule: q.rule.as_str(),
                    confidence: q.confidence,
                }
            })
            .collect();
        let quotations = article
            .quotations()
            .iter()
            .map(|q| {
                let [start, end] = conv.pair(q.span);
                let [content_start, content_end] = conv.pair(q.content);
                QuotationRecord {
                    start,
                    end,
                    content_start,
                    content_end,
                    depth: q.depth,
                    parent: q.parent.map(|p| p.0),
                    role: q.role.as_str(),
                    closed: q.closed,
                }
            })
            .collect();
        let speakers = article
            .speakers()
            .iter()
            .map(|s| SpeakerRecord {
                id: s.id.0,
                name: conv.text(s.name),
                kind: s.kind.as_str(),
                titles: s.titles.iter().map(|&t| conv.text(t)).collect(),
                roles: s.roles.iter().map(|&t| conv.text(t)).collect(),
                mentions: s.mentions.iter().map(|&m| conv.pair(m)).collect(),
                quotes: s.quotes.iter().map(|q| q.0).collect(),
            })
            .collect();
        let claims = article
            .claims()
            .iter()
            .map(|c| {
                let mention = opt(c.mention);
                let cue = opt(c.cue);
                let [content_start, content_end] = conv.pair(c.content);
                ClaimRecord {
                    speaker_id: c.speaker.map(|id| id.0),
                    speaker: speaker_name(c.speaker),
                    speaker_start: mention.map(|m| m[0]),
                    speaker_end: mention.map(|m| m[1]),
                    cue: c.cue.map(|s| conv.text(s)),
                    cue_start: cue.map(|s| s[0]),
                    cue_end: cue.map(|s| s[1]),
                    content_start,
                    content_end,
                    text: conv.text(c.content),
                    quotes: c.quotes.iter().map(|q| q.0).collect(),
                    modality: c.modality.as_str(),
                    hedged: c.hedged,
                    negated: c.negated,
                    relay: c.relay.map(|s| conv.span_text(s)),
                    medium: c.medium.map(|s| conv.span_text(s)),
                    addressee: c.addressee.map(|s| conv.span_text(s)),
                    time: c.time.map(|s| conv.span_text(s)),
                    evidence: c.evidence.iter().map(|&s| conv.span_text(s)).collect(),
                }
            })
            .collect();
        Self {
            quotes,
            quotations,
            speakers,
            claims,
        }
    }
}

/// One output line of the batch example: the input's id and the article's tables.
#[derive(Debug, Serialize)]
pub(crate) struct DocRecord<'t> {
    id: &'t Value,
    #[serde(flatten)]
    tables: Tables<'t>,
}

/// A paragraph and its sentences.
#[derive(Debug, Serialize)]
struct ParagraphView<'t> {
    start: usize,
    end: usize,
    bullet: bool,
    headline: bool,
    sentences: Vec<SpanText<'t>>,
}

/// The byline and its authors.
#[derive(Debug, Serialize)]
struct BylineView<'t> {
    start: usize,
    end: usize,
    text: &'t str,
    authors: Vec<SpanText<'t>>,
}

/// Everything `extract` prints: the article's structure, then its tables. Every span comes
/// with its text, so the output reads without the input beside it.
#[derive(Debug, Serialize)]
pub(crate) struct ArticleView<'t> {
    offsets: &'static str,
    length: usize,
    headline: Option<SpanText<'t>>,
    headline_repeats: Vec<SpanText<'t>>,
    byline: Option<BylineView<'t>>,
    dateline: Option<SpanText<'t>>,
    key_points: Vec<SpanText<'t>>,
    sections: Vec<SpanText<'t>>,
    paragraphs: Vec<ParagraphView<'t>>,
    #[serde(flatten)]
    tables: Tables<'t>,
}

impl<'t> ArticleView<'t> {
    /// The view of `article`, with offsets as asked.
    pub(crate) fn new(article: &'t Article<'_>, offsets: Offsets) -> Self {
        let text = article.text();
        let conv = Conv::new(text, offsets);
        let sentences = article.sentences();
        Self {
            offsets: match offsets {
                Offsets::Bytes => "bytes",
                Offsets::Chars => "chars",
            },
            length: conv.at(text.len()),
            headline: article.headline().map(|s| conv.span_text(s)),
            headline_repeats: article
                .headline_repeats()
                .iter()
                .map(|&s| conv.span_text(s))
                .collect(),
            byline: article.byline().map(|b| {
                let [start, end] = conv.pair(b.span);
                BylineView {
                    start,
                    end,
                    text: conv.text(b.span),
                    authors: b.authors.iter().map(|&a| conv.span_text(a)).collect(),
                }
            }),
            dateline: article.dateline().map(|s| conv.span_text(s)),
            key_points: article
                .key_points()
                .iter()
                .map(|&s| conv.span_text(s))
                .collect(),
            sections: article
                .sections()
                .iter()
                .map(|&s| conv.span_text(s))
                .collect(),
            paragraphs: article
                .paragraphs()
                .iter()
                .map(|p| {
                    let [start, end] = conv.pair(p.span);
                    ParagraphView {
                        start,
                        end,
                        bullet: p.bullet,
                        headline: p.headline,
                        sentences: p
                            .sentences
                            .iter()
                            .filter_map(|id| sentences.get(id.index()))
                            .map(|s| conv.span_text(s.span))
                            .collect(),
                    }
                })
                .collect(),
            tables: Tables::with(article, &conv),
        }
    }
}

/// Builds the parser the batch and eval examples share: the English patterns, or a pattern
/// set saved as JSON (`--patterns`), with belief, intention and stance patterns switched on
/// when asked (`--with-beliefs`).
pub(crate) fn build_parser(
    with_beliefs: bool,
    patterns: Option<&std::path::Path>,
) -> Result<Parser, String> {
    let mut set = match patterns {
        None => PatternSet::english(),
        Some(path) => {
            let json = std::fs::read_to_string(path)
                .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
            serde_json::from_str::<PatternSet>(&json)
                .map_err(|e| format!("{} is not a saved pattern set: {e}", path.display()))?
        }
    };
    if with_beliefs {
        set = set
            .to_builder()
            .kind(PatternKind::Belief, true)
            .kind(PatternKind::Stance, true)
            .build()
            .map_err(|e| format!("cannot switch on belief and stance patterns: {e}"))?;
    }
    Parser::builder()
        .patterns(set)
        .build()
        .map_err(|e| format!("cannot build the parser: {e}"))
}

/// An input line: its id (any JSON value; `null` when absent) and its text.
#[derive(Deserialize)]
struct Input<'a> {
    #[serde(default)]
    id: Value,
    #[serde(borrow)]
    text: Cow<'a, str>,
}

/// What is left of a line that is not a valid input: its id, when it has one.
#[derive(Deserialize)]
struct IdOnly {
    #[serde(default)]
    id: Value,
}

/// An output line for a line that failed.
#[derive(Serialize)]
struct ErrorRecord<'a> {
    id: &'a Value,
    error: &'a str,
}

/// Parses one input line (`{"id": …, "text": …}`) and appends one output line, newline
/// included, to `out`: the article's tables, or `{"id": …, "error": "…"}` when the line is
/// not UTF-8, not JSON, or has no string `text`. Returns the length of the text parsed, or
/// `None` when the line failed.
pub(crate) fn process_line(
    parser: &Parser,
    line: &[u8],
    offsets: Offsets,
    out: &mut Vec<u8>,
) -> Option<usize> {
    let parsed = match std::str::from_utf8(line) {
        Err(e) => {
            let message = format!("line is not valid UTF-8 at byte {}", e.valid_up_to());
            write_error(&Value::Null, &message, out);
            None
        }
        Ok(line) => match serde_json::from_str::<Input<'_>>(line) {
            Ok(input) => {
                let article = parser.parse(&input.text);
                let record = DocRecord {
                    id: &input.id,
                    tables: Tables::new(&article, offsets),
                };
                // Serializing plain records into memory cannot fail.
                let _ = serde_json::to_writer(&mut *out, &record);
                Some(input.text.len())
            }
            Err(e) => {
                let id = serde_json::from_str::<IdOnly>(line)
                    .map(|i| i.id)
                    .unwrap_or(Value::Null);
                write_error(&id, &e.to_string(), out);
                None
            }
        },
    };
    out.push(b'\n');
    parsed
}

fn write_error(id: &Value, message: &str, out: &mut Vec<u8>) {
    let record = ErrorRecord { id, error: message };
    // Serializing plain records into memory cannot fail.
    let _ = serde_json::to_writer(&mut *out, &record);
}

/// Whether a line holds nothing but whitespace; such lines are skipped, as JSON-lines readers
/// do.
pub(crate) fn is_blank(line: &[u8]) -> bool {
    line.iter().all(u8::is_ascii_whitespace)
}

/// The result of processing a block of lines.
#[derive(Debug, Default)]
pub(crate) struct Block {
    /// One output line per non-blank input line, in input order.
    pub(crate) output: Vec<u8>,
    /// The number of lines processed (blank lines not counted).
    pub(crate) lines: usize,
    /// The number of lines that failed.
    pub(crate) failed: usize,
    /// The number of bytes of article text parsed.
    pub(crate) text_bytes: usize,
}

/// Processes lines on `threads` scoped worker threads. Workers take small runs of lines in
/// turn from a shared counter (so a few long articles do not leave the other threads idle);
/// the runs are put back in input order, so the output does not depend on the thread count.
pub(crate) fn process_block<L: AsRef<[u8]> + Sync>(
    parser: &Parser,
    lines: &[L],
    offsets: Offsets,
    threads: usize,
) -> Block {
    const RUN: usize = 4;
    let runs = lines.len().div_ceil(RUN);
    let next = AtomicUsize::new(0);
    let work = || {
        let mut done: Vec<(usize, Block)> = Vec::new();
        loop {
            let r = next.fetch_add(1, Ordering::Relaxed);
            if r >= runs {
                break;
            }
            let mut block = Block::default();
            for line in &lines[r * RUN..lines.len().min((r + 1) * RUN)] {
                let line = line.as_ref();
                if is_blank(line) {
                    continue;
                }
                block.lines += 1;
                match process_line(parser, line, offsets, &mut block.output) {
                    Some(n) => block.text_bytes += n,
                    None => block.failed += 1,
                }
            }
            done.push((r, block));
        }
        done
    };
    let threads = threads.clamp(1, runs.max(1));
    let mut done: Vec<(usize, Block)> = if threads == 1 {
        work()
    } else {
        std::thread::scope(|s| {
            let handles: Vec<_> = (0..threads).map(|_| s.spawn(work)).collect();
            handles
                .into_iter()
                .flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
                .collect()
        })
    };
    done.sort_unstable_by_key(|(r, _)| *r);
    let mut all = Block {
        output: Vec::with_capacity(done.iter().map(|(_, b)| b.output.len()).sum()),
        ..Block::default()
    };
    for (_, block) in done {
        all.output.extend_from_slice(&block.output);
        all.lines += block.lines;
        all.failed += block.failed;
        all.text_bytes += block.text_bytes;
    }
    all
}
