//! The parsed article: its structure and the flat tables every stage fills.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::{
    Claim, Cue, IdRange, Mention, ParagraphId, Quotation, Quote, SentenceId, Span, Speaker,
    SpeakerId,
};

/// One parsed news article: its structure, quotations, attributed quotes, speakers and
/// claims, all as spans into the input text.
///
/// An `Article` borrows the text it was parsed from; [`Article::into_owned`] detaches it.
/// Records refer to each other through typed ids ([`SpeakerId`], [`QuoteId`](crate::QuoteId),
/// …) that index the tables returned by the accessors.
///
/// ```
/// use quotative::Parser;
///
/// let text = "Talks stall\n\n\"We are not done,\" the minister said.";
/// let article = Parser::new().parse(text);
/// assert_eq!(&text[article.headline().unwrap()], "Talks stall");
/// assert_eq!(article.paragraphs().len(), 2);
/// assert!(article.paragraphs()[0].headline);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article<'a> {
    #[serde(borrow)]
    pub(crate) text: Cow<'a, str>,
    pub(crate) headline: Option<Span>,
    pub(crate) headline_repeats: Vec<Span>,
    pub(crate) key_points: Vec<Span>,
    pub(crate) byline: Option<Byline>,
    pub(crate) dateline: Option<Span>,
    pub(crate) sections: Vec<Span>,
    pub(crate) paragraphs: Vec<Paragraph>,
    pub(crate) sentences: Vec<Sentence>,
    pub(crate) quotations: Vec<Quotation>,
    pub(crate) cues: Vec<Cue>,
    pub(crate) mentions: Vec<Mention>,
    pub(crate) quotes: Vec<Quote>,
    pub(crate) speakers: Vec<Speaker>,
    pub(crate) claims: Vec<Claim>,
}

/// The author line of an article (`By Jane Doe and John Roe`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Byline {
    /// The whole line, without surrounding whitespace.
    pub span: Span,
    /// Each author's name.
    pub authors: Vec<Span>,
}

/// A paragraph: the headline, a key point or a paragraph of the body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Paragraph {
    /// The paragraph's text without the surrounding whitespace.
    pub span: Span,
    /// Its sentences, in order; they tile the paragraph (whitespace between them excepted).
    pub sentences: IdRange<SentenceId>,
    /// Whether the paragraph is a bullet point (a key point before the body, or a list item).
    pub bullet: bool,
    /// Whether the paragraph is the headline (the span [`Article::headline`] gives). Headlines
    /// attribute too (`Lee Says She Will Win`, `Okafor: 'Never count us out'`), but no
    /// quote of the body continues one.
    pub headline: bool,
}

/// A sentence of a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Sentence {
    /// The sentence, from its first to its last non-space character.
    pub span: Span,
    /// The paragraph it belongs to.
    pub paragraph: ParagraphId,
}

impl<'a> Article<'a> {
    pub(crate) fn empty(text: &'a str) -> Self {
        Self {
            text: Cow::Borrowed(text),
            headline: None,
            headline_repeats: Vec::new(),
            key_points: Vec::new(),
            byline: None,
            dateline: None,
            sections: Vec::new(),
            paragraphs: Vec::new(),
            sentences: Vec::new(),
            quotations: Vec::new(),
            cues: Vec::new(),
            mentions: Vec::new(),
            quotes: Vec::new(),
            speakers: Vec::new(),
            claims: Vec::new(),
        }
    }

    /// The text the article was parsed from; every span indexes it.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The text of a span of this article.
    ///
    /// Returns `""` for a span that is not in range or not on char boundaries (no span the
    /// article hands out is).
    pub fn slice(&self, span: Span) -> &str {
        self.text.get(span.range()).unwrap_or("")
    }

    /// The title line, when the article starts with one.
    pub fn headline(&self) -> Option<Span> {
        self.headline
    }

    /// Lines that repeat the headline (common in scraped text); they are not part of the body.
    pub fn headline_repeats(&self) -> &[Span] {
        &self.headline_repeats
    }

    /// Bullet lines before the body (`• …`, `- …`), the bullet mark excluded.
    pub fn key_points(&self) -> &[Span] {
        &self.key_points
    }

    /// The author line, when there is one.
    pub fn byline(&self) -> Option<&Byline> {
        self.byline.as_ref()
    }

    /// The dateline that opens the body (`WASHINGTON (Reuters) -`), when there is one.
    pub fn dateline(&self) -> Option<Span> {
        self.dateline
    }

    /// Section and label lines (`Politics`), which are not part of the body.
    pub fn sections(&self) -> &[Span] {
        &self.sections
    }

    /// The paragraphs that carry text: the headline (flagged [`Paragraph::headline`]), key
    /// points and the body, in order.
    pub fn paragraphs(&self) -> &[Paragraph] {
        &self.paragraphs
    }

    /// All sentences of all paragraphs, in order.
    pub fn sentences(&self) -> &[Sentence] {
        &self.sentences
    }

    /// Every pair of quotation marks found, before any attribution.
    pub fn quotations(&self) -> &[Quotation] {
        &self.quotations
    }

    /// Every attribution cue found in the paragraphs.
    pub fn cues(&self) -> &[Cue] {
        &self.cues
    }

    /// Every candidate speaker mention (names, descriptions, pronouns) found.
    pub fn mentions(&self) -> &[Mention] {
        &self.mentions
    }

    /// The attributed quotes: direct, indirect and mixed.
    pub fn quotes(&self) -> &[Quote] {
        &self.quotes
    }

    /// One speaker per entity quoted in the article.
    pub fn speakers(&self) -> &[Speaker] {
        &self.speakers
    }

    /// The speaker with this id.
    pub fn speaker(&self, id: SpeakerId) -> Option<&Speaker> {
        self.speakers.get(id.index())
    }

    /// One claim per attributed proposition.
    pub fn claims(&self) -> &[Claim] {
        &self.claims
    }

    /// Detaches the article from the input it borrows.
    pub fn into_owned(self) -> Article<'static> {
        Article {
            text: Cow::Owned(self.text.into_owned()),
            headline: self.headline,
            headline_repeats: self.headline_repeats,
            key_points: self.key_points,
            byline: self.byline,
            dateline: self.dateline,
            sections: self.sections,
            paragraphs: self.paragraphs,
            sentences: self.sentences,
            quotations: self.quotations,
            cues: self.cues,
            mentions: self.mentions,
            quotes: self.quotes,
            speakers: self.speakers,
            claims: self.claims,
        }
    }
}
