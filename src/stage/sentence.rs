//! Sentence boundaries inside a paragraph, aware of abbreviations, initials and quotes.

use std::collections::HashSet;

use crate::{Error, ErrorKind, Span};

/// Abbreviations that do not end a sentence.
#[derive(Debug, Clone, Default)]
pub(crate) struct Abbreviations {
    set: HashSet<String>,
}

impl Abbreviations {
    /// The built-in list plus `extra`.
    pub(crate) fn english_with(extra: &[String]) -> Result<Self, Error> {
        let mut set: HashSet<String> = ["Mr.", "Mrs.", "Ms.", "Dr."]
            .iter()
            .map(|s| (*s).to_owned())
            .collect();
        for a in extra {
            let a = a.trim();
            if a.len() < 2 || !a.ends_with('.') {
                return Err(ErrorKind::InvalidOption {
                    option: "abbreviations",
                    message: format!("{a:?} must be a word ending with a period"),
                }
                .into());
            }
            set.insert(a.to_owned());
        }
        Ok(Self { set })
    }

    pub(crate) fn contains(&self, word: &str) -> bool {
        self.set.contains(word)
    }
}

/// Appends the sentences of `para` to `out`. (Placeholder: splits after `.`, `?`, `!` and a
/// space.)
pub(crate) fn split(text: &str, para: Span, abbreviations: &Abbreviations, out: &mut Vec<Span>) {
    let p = &text[para];
    let bytes = p.as_bytes();
    let mut start = 0;
    for i in 0..bytes.len() {
        if matches!(bytes[i], b'.' | b'?' | b'!') && bytes.get(i + 1) == Some(&b' ') {
            let word_start = p[..i].rfind(' ').map_or(0, |s| s + 1);
            if abbreviations.contains(&p[word_start..=i]) {
                continue;
            }
            out.push(Span::new(para.start + start, para.start + i + 1));
            start = i + 2;
        }
    }
    if start < bytes.len() {
        out.push(Span::new(para.start + start, para.end));
    }
}
