//! The entry point: [`Parser`] and its builder.

use std::borrow::Cow;
use std::sync::Arc;

use crate::stage::{attribute, claims, coref, quotation, sentence, structure};
use crate::{
    Article, Error, ErrorKind, IdRange, Paragraph, ParagraphId, PatternSet, Sentence, SentenceId,
};

/// Builds a [`Parser`] with options.
///
/// Quick advice: [`Parser::new`] is right for English news. Use the builder to plug in your
/// own [`PatternSet`] (for example with belief and intention verbs switched on), to add
/// abbreviations that must not end a sentence, or to refuse inputs over a size limit.
///
/// ```
/// use quotative::{PatternKind, PatternSet, Parser};
///
/// let patterns = PatternSet::english().to_builder().kind(PatternKind::Belief, true).build()?;
/// let parser = Parser::builder()
///     .patterns(patterns)
///     .abbreviations(["Supt."])
///     .max_input_len(Some(10 << 20))
///     .build()?;
/// let article = parser.parse("Supt. Ann Lee believes it will rain.");
/// assert_eq!(article.sentences().len(), 1);
/// # Ok::<(), quotative::Error>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct ParserBuilder {
    patterns: Option<PatternSet>,
    abbreviations: Vec<String>,
    max_input_len: Option<usize>,
}

impl ParserBuilder {
    /// A builder with the English defaults.
    pub fn new() -> Self {
        Self::default()
    }

    /// The attribution patterns to use ([`PatternSet::english`] by default).
    pub fn patterns(&mut self, patterns: PatternSet) -> &mut Self {
        self.patterns = Some(patterns);
        self
    }

    /// Adds abbreviations (with their final period, such as `Supt.`) that do not end a
    /// sentence, to the built-in list.
    pub fn abbreviations<I, S>(&mut self, abbreviations: I) -> &mut Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.abbreviations
            .extend(abbreviations.into_iter().map(Into::into));
        self
    }

    /// Inputs longer than this many bytes are refused by [`Parser::try_parse`] and
    /// [`Parser::parse_bytes`]. No limit by default.
    pub fn max_input_len(&mut self, limit: Option<usize>) -> &mut Self {
        self.max_input_len = limit;
        self
    }

    /// Builds the parser.
    ///
    /// # Errors
    /// An abbreviation that is empty or does not end with a period
    /// ([`ErrorKind::InvalidOption`]).
    pub fn build(&self) -> Result<Parser, Error> {
        let abbreviations = sentence::Abbreviations::english_with(&self.abbreviations)?;
        Ok(Parser {
            config: Arc::new(Config {
                patterns: self.patterns.clone().unwrap_or_else(PatternSet::english),
                abbreviations,
                max_input_len: self.max_input_len,
            }),
        })
    }
}

/// The immutable configuration every stage reads.
#[derive(Debug)]
pub(crate) struct Config {
    pub(crate) patterns: PatternSet,
    pub(crate) abbreviations: sentence::Abbreviations,
    pub(crate) max_input_len: Option<usize>,
}

/// Parses news articles into [`Article`]s: structure, quotations, quotes, speakers and
/// claims.
///
/// A `Parser` is immutable, cheap to clone (it wraps an `Arc`) and `Send + Sync`: build one
/// and share it between threads.
///
/// ```
/// use quotative::{Parser, QuoteKind};
///
/// let text = "\"We will not back down,\" Mayor Ann Lee said on Monday.";
/// let article = Parser::new().parse(text);
/// let quote = &article.quotes()[0];
/// assert_eq!(quote.kind, QuoteKind::Direct);
/// assert_eq!(&text[quote.content], "We will not back down,");
/// assert_eq!(&text[quote.mention.unwrap()], "Mayor Ann Lee");
/// ```
#[derive(Debug, Clone)]
pub struct Parser {
    config: Arc<Config>,
}

impl Default for Parser {
    fn default() -> Self {
        Self::new()
    }
}

impl Parser {
    /// A parser with the built-in English lexicons and no size limit.
    pub fn new() -> Self {
        static DEFAULT: once_cell::sync::Lazy<Parser> = once_cell::sync::Lazy::new(|| {
            ParserBuilder::new()
                .build()
                .expect("the default options are valid")
        });
        DEFAULT.clone()
    }

    /// A builder for a parser with options.
    pub fn builder() -> ParserBuilder {
        ParserBuilder::new()
    }

    /// The attribution patterns this parser uses.
    pub fn patterns(&self) -> &PatternSet {
        &self.config.patterns
    }

    /// Parses `text`. Never fails and never panics: empty or whitespace-only text gives an
    /// empty article. The size limit is not applied here; see [`try_parse`](Self::try_parse).
    pub fn parse<'a>(&self, text: &'a str) -> Article<'a> {
        run(&self.config, text)
    }

    /// Parses `text`, refusing it when it is over the size limit.
    ///
    /// # Errors
    /// [`ErrorKind::InputTooLarge`] when `text` is longer than
    /// [`max_input_len`](ParserBuilder::max_input_len).
    pub fn try_parse<'a>(&self, text: &'a str) -> Result<Article<'a>, Error> {
        self.check_len(text.len())?;
        Ok(self.parse(text))
    }

    /// Parses bytes that should be UTF-8.
    ///
    /// ```
    /// use quotative::{ErrorKind, Parser};
    /// let err = Parser::new().parse_bytes(b"ok \xff no").unwrap_err();
    /// assert_eq!(err.kind(), &ErrorKind::InvalidUtf8 { offset: 3 });
    /// ```
    ///
    /// # Errors
    /// [`ErrorKind::InvalidUtf8`] naming the offset of the first invalid byte, or
    /// [`ErrorKind::InputTooLarge`].
    pub fn parse_bytes<'a>(&self, bytes: &'a [u8]) -> Result<Article<'a>, Error> {
        self.check_len(bytes.len())?;
        let text = std::str::from_utf8(bytes).map_err(|e| {
            Error::new(ErrorKind::InvalidUtf8 {
                offset: e.valid_up_to(),
            })
        })?;
        Ok(self.parse(text))
    }

    /// Parses bytes, replacing every invalid UTF-8 sequence with U+FFFD (the lossy mode).
    /// Spans then index [`Article::text`], which differs from the bytes where they were
    /// invalid.
    ///
    /// ```
    /// let article = quotative::Parser::new().parse_bytes_lossy(b"Hi \xff there").unwrap();
    /// assert_eq!(article.text(), "Hi \u{fffd} there");
    /// ```
    ///
    /// # Errors
    /// [`ErrorKind::InputTooLarge`].
    pub fn parse_bytes_lossy(&self, bytes: &[u8]) -> Result<Article<'static>, Error> {
        self.check_len(bytes.len())?;
        let text = String::from_utf8_lossy(bytes).into_owned();
        let article = self.parse(&text).into_owned();
        Ok(Article {
            text: Cow::Owned(text),
            ..article
        })
    }

    fn check_len(&self, len: usize) -> Result<(), Error> {
        match self.config.max_input_len {
            Some(limit) if len > limit => Err(ErrorKind::InputTooLarge { len, limit }.into()),
            _ => Ok(()),
        }
    }
}

/// Runs the stages in order; each reads the tables before it and writes its own.
fn run<'a>(config: &Config, text: &'a str) -> Article<'a> {
    let mut article = Article::empty(text);
    let layout = structure::analyse(text);
    article.headline = layout.headline;
    article.headline_repeats = layout.headline_repeats;
    article.key_points = layout.key_points;
    article.byline = layout.byline;
    article.dateline = layout.dateline;
    article.sections = layout.sections;

    article.paragraphs.reserve(layout.paragraphs.len() + 1);
    // About one sentence per 130 bytes of news text (the dev set's median), more in some:
    // room for one per 96 bytes spares nine texts in ten the copy of a growing table.
    article.sentences.reserve(text.len() / 96);
    let mut spans = Vec::new();
    // The headline is a paragraph of its own, first.
    let headline = layout.headline.map(|span| structure::Block {
        span,
        bullet: false,
    });
    let blocks = headline.iter().chain(layout.paragraphs.iter());
    // The paragraphs come in text order: one search for each ellipsis serves them all.
    let mut ellipses = sentence::Ellipses::new(text);
    for (p, block) in blocks.enumerate() {
        spans.clear();
        sentence::split_with(
            text,
            block.span,
            &config.abbreviations,
            &mut ellipses,
            &mut spans,
        );
        let first = article.sentences.len();
        article.sentences.extend(spans.iter().map(|&span| Sentence {
            span,
            paragraph: ParagraphId::from_index(p),
        }));
        article.paragraphs.push(Paragraph {
            span: block.span,
            sentences: IdRange::new(
                SentenceId::from_index(first),
                SentenceId::from_index(article.sentences.len()),
            ),
            bullet: block.bullet,
            headline: p == 0 && layout.headline.is_some(),
        });
    }
    structure::recycle(layout.paragraphs);

    article.quotations = quotation::find(text, &article.paragraphs);
    // One scan of the whole text; keep the cues inside paragraphs (not the headline,
    // byline or section lines).
    let mut cues = config.patterns.scan(text);
    let paragraphs = &article.paragraphs;
    let mut p = 0;
    cues.retain(|c| {
        while p < paragraphs.len() && paragraphs[p].span.end < c.span.end {
            p += 1;
        }
        p < paragraphs.len() && paragraphs[p].span.contains(c.span)
    });
    article.cues = cues;
    attribute::run(config, text, &mut article);
    coref::run(&mut article);
    claims::run(config, &mut article);
    article
}
