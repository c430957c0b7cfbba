//! Speaker mentions and the speakers (entities) they name.

use serde::{Deserialize, Serialize};

use crate::{QuoteId, SmallList, Span, SpeakerId};

/// What a mention looks like.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum MentionKind {
    /// A person's name, with or without a title: `Kremlin Press Secretary Dmitry Peskov`.
    Name,
    /// An organisation or institution: `the Kremlin`, `Interfax`, `the ministry`.
    Organisation,
    /// A group: `Russian officials`, `some advocates`.
    Group,
    /// An unnamed source described: `a senior official`, `a person familiar with the matter`.
    Description,
    /// A pronoun: he, she, they, it, we, I.
    Pronoun,
}

/// A place in the text that names (or points at) a possible speaker.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Mention {
    /// The whole mention as written, title included, apposition excluded.
    pub span: Span,
    /// What kind of mention it is.
    pub kind: MentionKind,
    /// The proper name inside it, without the title (`Dmitry Peskov`).
    pub name: Option<Span>,
    /// The title before the name (`Kremlin Press Secretary`).
    pub title: Option<Span>,
    /// An apposition after it (`the Kremlin Press Secretary` in `Dmitry Peskov, the Kremlin
    /// Press Secretary,`).
    pub role: Option<Span>,
    /// The entity it names, once linked.
    pub speaker: Option<SpeakerId>,
}

/// What kind of entity a speaker is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum SpeakerKind {
    /// A named person.
    Person,
    /// An organisation, institution or outlet.
    Organisation,
    /// A group of people.
    Group,
    /// An unnamed source.
    Unnamed,
}

impl SpeakerKind {
    /// The kind's name as used in JSON.
    ///
    /// ```
    /// assert_eq!(quotative::SpeakerKind::Unnamed.as_str(), "unnamed");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Person => "person",
            Self::Organisation => "organisation",
            Self::Group => "group",
            Self::Unnamed => "unnamed",
        }
    }
}

/// Grammatical gender, recorded only where the article itself shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Gender {
    /// Referred to as he/him or Mr.
    Masculine,
    /// Referred to as she/her or Ms./Mrs.
    Feminine,
}

/// One entity quoted in the article, however the article names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Speaker {
    /// Its id in [`Article::speakers`](crate::Article::speakers).
    pub id: SpeakerId,
    /// The canonical name: the fullest proper name, without title (`Dmitry Peskov`), or the
    /// fullest description for an unnamed source or group.
    pub name: Span,
    /// Person, organisation, group or unnamed source.
    pub kind: SpeakerKind,
    /// Titles from every mention (`Kremlin Press Secretary`, `former Russian President`).
    pub titles: SmallList<Span>,
    /// Roles from appositions (`the Russian Security Council's deputy chairman`).
    pub roles: SmallList<Span>,
    /// Every mention of it, pronouns that resolved to it included.
    pub mentions: SmallList<Span>,
    /// The quotes attributed to it.
    pub quotes: SmallList<QuoteId>,
    /// Gender, when the article shows it.
    pub gender: Option<Gender>,
    /// The words that show the gender (`he`, `Mrs.`).
    pub gender_evidence: SmallList<Span>,
}
