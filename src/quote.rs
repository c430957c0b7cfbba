//! Quotations (pairs of quotation marks) and attributed quotes.

use serde::{Deserialize, Serialize};

use crate::{ParagraphId, PatternId, QuotationId, QuoteId, SentenceId, SmallList, Span, SpeakerId};

/// How a quote reports what was said.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum QuoteKind {
    /// The speaker's own words, inside quotation marks (or, in rewritten wire copy, unmarked
    /// but with a trailing attribution: `We will win, he said.`).
    Direct,
    /// Reported speech without quotation marks: `She said that talks had stalled.`
    Indirect,
    /// Reported speech with a quoted fragment: `He called it a "disgrace".`
    Mixed,
}

impl QuoteKind {
    /// The kind's name as used in JSON: `direct`, `indirect` or `mixed`.
    ///
    /// ```
    /// assert_eq!(quotative::QuoteKind::Mixed.as_str(), "mixed");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Direct => "direct",
            Self::Indirect => "indirect",
            Self::Mixed => "mixed",
        }
    }
}

/// The rule that attributed a quote, so users can see why it got its speaker.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Rule {
    /// Attribution after the quote in the same sentence: `"…," Medvedev wrote.`
    Trailing,
    /// Attribution before the quote: `Peskov said: "…"`, or a transcript's label or a name
    /// kicker before its paragraph (`Q: How did it go?`, `HOST: …`, `Okafor: …`).
    Leading,
    /// Attribution between two parts of one quote: `"A," he said, "B."`
    Split,
    /// A quote after an attributed one, with no new speaker in between.
    Continuation,
    /// `according to X` or `per X` names the source.
    AccordingTo,
    /// `as noted by X`, `as X put it`.
    AsClause,
    /// A reported clause after a speech verb: `X said (that) …`.
    ReportedClause,
    /// Unmarked speech before a trailing attribution: `Talks failed, the minister said.`
    TrailingUnmarked,
    /// A participle clause whose subject is the main clause's: `…, stating that …`.
    Participle,
    /// A question put to someone, its asker named only after `by` if at all: `Asked whether
    /// he would run, …`, `Asked by a reporter if …`.
    Question,
    /// An impression with no named source, reported by a raising verb (`X appears to …`,
    /// `X seemed uneasy`, `X is expected to …`): the subject and the complement are the
    /// content's two segments. Found only with belief patterns switched on, except for
    /// passive speech verbs (`X is said to …`, `X was asked to …`, `X was described as …`,
    /// and `I was told that …`, whose subject is the hearer and no segment).
    Raising,
    /// A passive speech verb with its agent: the subject is what was said, the agent its
    /// speaker (`[The merger] was first reported by the Tribune`).
    Passive,
    /// A quotation with no attribution the rules could find.
    Unattributed,
}

impl Rule {
    /// The rule's name as used in JSON (`trailing`, `according_to`, …).
    ///
    /// ```
    /// assert_eq!(quotative::Rule::AccordingTo.as_str(), "according_to");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Trailing => "trailing",
            Self::Leading => "leading",
            Self::Split => "split",
            Self::Continuation => "continuation",
            Self::AccordingTo => "according_to",
            Self::AsClause => "as_clause",
            Self::ReportedClause => "reported_clause",
            Self::TrailingUnmarked => "trailing_unmarked",
            Self::Participle => "participle",
            Self::Question => "question",
            Self::Raising => "raising",
            Self::Passive => "passive",
            Self::Unattributed => "unattributed",
        }
    }
}

/// An attributed quote: what was said, by whom, with which cue.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Quote {
    /// Direct, indirect or mixed.
    pub kind: QuoteKind,
    /// The whole quote, quotation marks included for a marked quote.
    pub span: Span,
    /// What was said: the hull of [`segments`](Self::segments), marks excluded.
    pub content: Span,
    /// The content's parts: one, or two and more when the attribution interrupts the quote
    /// (`"A," she said, "B."`).
    pub segments: SmallList<Span>,
    /// Whether the content is in quotation marks (direct and mixed quotes usually are).
    pub marked: bool,
    /// The paragraph the quote starts in.
    pub paragraph: ParagraphId,
    /// The sentence the quote starts in.
    pub sentence: SentenceId,
    /// The speaker, when the quote is attributed and the mention resolves to an entity.
    pub speaker: Option<SpeakerId>,
    /// The mention that names the speaker at this quote, as written (`he`, `the official`,
    /// `Kremlin Press Secretary Dmitry Peskov`).
    pub mention: Option<Span>,
    /// The source as written: the mention with its apposition (`Dmitry Peskov, the Kremlin
    /// Press Secretary`), the span attribution corpora such as `PolNeAR` annotate.
    pub source: Option<Span>,
    /// The cue that attributes the quote (`said`, `according to`, `:`).
    pub cue: Option<Span>,
    /// The pattern the cue matched, when it came from the pattern set.
    pub pattern: Option<PatternId>,
    /// The quotations (pairs of marks) the quote is made of.
    pub quotations: SmallList<QuotationId>,
    /// The enclosing quote, for a quote nested in another.
    pub parent: Option<QuoteId>,
    /// The rule that attributed it.
    pub rule: Rule,
    /// How sure the rule is, from 0 to 1.
    pub confidence: f32,
}

/// What a pair of quotation marks is used for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum QuotationRole {
    /// Someone's words.
    Speech,
    /// A short quoted word or phrase the writer keeps at a distance: a "reset".
    Scare,
    /// The title of a work: a film, a book, a show.
    Title,
    /// Not decided.
    Unknown,
}

impl QuotationRole {
    /// The role's name as used in JSON.
    ///
    /// ```
    /// assert_eq!(quotative::QuotationRole::Scare.as_str(), "scare");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Speech => "speech",
            Self::Scare => "scare",
            Self::Title => "title",
            Self::Unknown => "unknown",
        }
    }
}

/// One pair of quotation marks (or one paragraph's part of a quotation that runs over several
/// paragraphs), found before any attribution.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Quotation {
    /// From the opening mark to the closing mark, both included. A part that is not closed in
    /// its paragraph ends at the paragraph's end (or, nested, where the enclosing quotation
    /// closes).
    pub span: Span,
    /// The text between the marks, exactly (not trimmed). Empty, between the marks, for an
    /// empty pair such as `“”`.
    pub content: Span,
    /// 0 for a top-level quotation, 1 for one inside it, and so on. At most 31: marks nested
    /// deeper than 32 quotations are not reported (the ones around them still pair right).
    pub depth: u32,
    /// The enclosing quotation, for a nested one.
    pub parent: Option<QuotationId>,
    /// What the marks are used for.
    pub role: QuotationRole,
    /// The paragraph it is in.
    pub paragraph: ParagraphId,
    /// Whether a closing mark was found in this paragraph.
    pub closed: bool,
    /// For a quotation that runs over several paragraphs: the part in the paragraph before.
    pub continues: Option<QuotationId>,
}
