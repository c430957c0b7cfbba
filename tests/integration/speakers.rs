//! Tests: speakers — mentions analysed, one speaker per entity, pronouns resolved.

use quotative::{Article, Gender, MentionKind, Parser, SpeakerKind};

/// The canonical name of the speaker of each quote, in order.
fn speakers_of_quotes<'t>(a: &'t Article<'_>) -> Vec<Option<&'t str>> {
    a.quotes()
        .iter()
        .map(|q| {
            q.speaker
                .and_then(|id| a.speaker(id))
                .map(|s| a.slice(s.name))
        })
        .collect()
}

fn texts(a: &Article<'_>, spans: &[quotative::Span]) -> Vec<String> {
    spans.iter().map(|&s| a.slice(s).to_owned()).collect()
}

/// The tables agree with each other: every id is in range, a quote's speaker is its
/// mention's speaker, a speaker lists exactly the quotes that point at it, and every span is
/// on char boundaries.
fn check_consistency(a: &Article<'_>) {
    let text = a.text();
    for m in a.mentions() {
        assert!(text.get(m.span.range()).is_some());
        for s in [m.name, m.title, m.role].into_iter().flatten() {
            assert!(text.get(s.range()).is_some());
        }
        if let Some(id) = m.speaker {
            assert!(a.speaker(id).is_some());
        }
    }
    for (i, q) in a.quotes().iter().enumerate() {
        if let Some(id) = q.speaker {
            let s = a.speaker(id).expect("speaker id in range");
            assert!(s.quotes.iter().any(|x| x.index() == i));
            let m = q.mention.expect("a quote with a speaker has a mention");
            let mention = a.mentions().iter().find(|x| x.span == m).expect("listed");
            assert_eq!(mention.speaker, Some(id));
        }
    }
    for (i, s) in a.speakers().iter().enumerate() {
        assert_eq!(s.id.index(), i);
        assert!(!s.quotes.is_empty(), "a speaker is quoted");
        assert!(text.get(s.name.range()).is_some());
        for q in &s.quotes {
            assert_eq!(a.quotes()[q.index()].speaker, Some(s.id));
        }
        assert_eq!(s.gender.is_some(), !s.gender_evidence.is_empty());
    }
}

#[test]
fn one_speaker_per_person_however_named() {
    let text = "Talks in the capital\n\n\
                Finance Minister Ana Costa said the budget was balanced.\n\n\
                \"We have done our part,\" Costa said.\n\n\
                \"Now it is up to parliament,\" she said.";
    let a = Parser::new().parse(text);
    check_consistency(&a);
    assert_eq!(
        speakers_of_quotes(&a),
        [Some("Ana Costa"), Some("Ana Costa"), Some("Ana Costa")]
    );
    assert_eq!(a.speakers().len(), 1);
    let s = &a.speakers()[0];
    assert_eq!(s.kind, SpeakerKind::Person);
    assert_eq!(texts(&a, &s.titles), ["Finance Minister"]);
    assert_eq!(s.gender, Some(Gender::Feminine));
    assert_eq!(texts(&a, &s.gender_evidence), ["she"]);
    assert_eq!(s.mentions.len(), 3);
    let first = &a.mentions()[0];
    assert_eq!(first.kind, MentionKind::Name);
    assert_eq!(first.name.map(|n| a.slice(n)), Some("Ana Costa"));
    assert_eq!(first.title.map(|n| a.slice(n)), Some("Finance Minister"));
}

#[test]
fn surname_alone_takes_the_full_name_written_elsewhere() {
    let text = "Talks in the capital\n\n\
                Tomas Varga, the union's chief negotiator, left the talks early.\n\n\
                \"There is nothing left to discuss,\" Varga said.";
    let a = Parser::new().parse(text);
    check_consistency(&a);
    assert_eq!(speakers_of_quotes(&a), [Some("Tomas Varga")]);
    let s = &a.speakers()[0];
    assert_eq!(texts(&a, &s.roles), ["the union's chief negotiator"]);
}

#[test]
fn people_sharing_a_surname_stay_apart() {
    let text = "Talks in the capital\n\n\
                \"The vote is close,\" Maria Lind said.\n\n\
                \"We expect to win,\" Erik Lind said.\n\n\
                \"It is far from over,\" Maria Lind added.";
    let a = Parser::new().parse(text);
    check_consistency(&a);
    assert_eq!(
        speakers_of_quotes(&a),
        [Some("Maria Lind"), Some("Erik Lind"), Some("Maria Lind")]
    );
    assert_eq!(a.speakers().len(), 2);
}

#[test]
fn organisations_groups_and_unnamed_sources() {
    let text = "Talks in the capital\n\n\
                \"Sanctions will not work,\" the Foreign Ministry said.\n\n\
                \"They never have,\" the ministry added.\n\n\
                \"We disagree,\" some economists said.\n\n\
                \"The talks stalled on Friday,\" a person familiar with the matter said.";
    let a = Parser::new().parse(text);
    check_consistency(&a);
    assert_eq!(
        speakers_of_quotes(&a),
        [
            Some("Foreign Ministry"),
            Some("Foreign Ministry"),
            Some("some economists"),
            Some("a person familiar with the matter"),
        ]
    );
    let kinds: Vec<SpeakerKind> = a.speakers().iter().map(|s| s.kind).collect();
    assert_eq!(
        kinds,
        [
            SpeakerKind::Organisation,
            SpeakerKind::Group,
            SpeakerKind::Unnamed
        ]
    );
}

#[test]
fn pronouns_resolve_or_stay_unresolved() {
    let text = "Talks in the capital\n\n\
                \"The port will reopen,\" Mr. Okafor said.\n\n\
                \"It will take weeks,\" he said.\n\n\
                \"Nobody told us,\" she said.";
    let a = Parser::new().parse(text);
    check_consistency(&a);
    // `she` has no compatible antecedent (Mr. Okafor is a he): no speaker, mention kept.
    assert_eq!(
        speakers_of_quotes(&a),
        [Some("Okafor"), Some("Okafor"), None]
    );
    let last = &a.quotes()[2];
    assert_eq!(last.mention.map(|m| a.slice(m)), Some("she"));
    let s = &a.speakers()[0];
    assert_eq!(s.gender, Some(Gender::Masculine));
    assert_eq!(texts(&a, &s.gender_evidence), ["Mr.", "he"]);
}

#[test]
fn gender_is_never_guessed_from_a_first_name() {
    let text = "\"The port will reopen,\" Maria Okafor said.";
    let a = Parser::new().parse(text);
    assert_eq!(a.speakers()[0].gender, None);
}

#[test]
fn tables_stay_consistent_on_odd_input() {
    for text in [
        "",
        "\"\"",
        "he said.",
        "\"Yes,\" said. \"No,\" they said, \"maybe.\"",
        "«Да», сказал он. \"Oui,\" a dit Zoë Dupré 😀.",
        "\"A,\" Mr. said.\n\n\"B,\" Jr. said.",
    ] {
        check_consistency(&Parser::new().parse(text));
    }
}

// ---------------------------------------------------------------------------------------
// The seed article (issue 5)
// ---------------------------------------------------------------------------------------

fn seed() -> Option<String> {
    crate::shared::read("seeds/russia_reset_article.txt")
}

/// The speaker of the first claim whose content starts (after `that`) with `words`.
fn speaker_of_content<'t>(a: &'t Article<'_>, words: &str) -> Option<&'t str> {
    let q = a.quotes().iter().find(|q| {
        let c = a.slice(q.content);
        c.trim_start_matches("that ").starts_with(words)
    });
    let q = q.unwrap_or_else(|| panic!("no quote begins with {words:?}"));
    q.speaker
        .and_then(|id| a.speaker(id))
        .map(|s| a.slice(s.name))
}

#[test]
fn seed_article_people() {
    let Some(text) = seed() else { return };
    let a = Parser::new().parse(&text);
    check_consistency(&a);
    let by_name = |n: &str| {
        a.speakers()
            .iter()
            .find(|s| a.slice(s.name) == n)
            .unwrap_or_else(|| panic!("no speaker {n}"))
    };
    let peskov = by_name("Dmitry Peskov");
    assert!(texts(&a, &peskov.titles).contains(&"Kremlin Press Secretary".to_owned()));
    assert_eq!(peskov.kind, SpeakerKind::Person);
    let medvedev = by_name("Dmitry Medvedev");
    let about = [texts(&a, &medvedev.titles), texts(&a, &medvedev.roles)]
        .concat()
        .join(" | ");
    assert!(about.contains("former Russian President"), "{about}");
    assert!(
        about.contains("the Russian Security Council's deputy chairman"),
        "{about}"
    );
    let dmitriev = by_name("Kirill Dmitriev");
    assert!(texts(&a, &dmitriev.roles)
        .iter()
        .any(|r| r.starts_with("CEO of")));
    assert_eq!(by_name("Vladimir Putin").kind, SpeakerKind::Person);
    // One speaker each, however named.
    for n in [
        "Dmitry Peskov",
        "Dmitry Medvedev",
        "Kirill Dmitriev",
        "Vladimir Putin",
    ] {
        assert_eq!(
            a.speakers().iter().filter(|s| a.slice(s.name) == n).count(),
            1,
            "{n}"
        );
    }
    assert_eq!(
        speaker_of_content(&a, "he is unaware"),
        Some("Dmitry Peskov")
    );
    assert_eq!(
        speaker_of_content(&a, "we are discussing an unfriendly"),
        Some("Dmitry Peskov")
    );
    assert_eq!(
        speaker_of_content(&a, "he preferred Joe Biden"),
        Some("Vladimir Putin")
    );
    assert_eq!(
        speaker_of_content(&a, "the convincing victory"),
        Some("Kirill Dmitriev")
    );
    assert_eq!(
        speaker_of_content(&a, "Trump is likely to reduce"),
        Some("Dmitry Medvedev")
    );
    // "…, he said." after Peskov's quotes.
    let he_said = a
        .quotes()
        .iter()
        .find(|q| a.slice(q.content).contains("We will find out"))
        .expect("the unmarked direct quote");
    assert_eq!(
        he_said
            .speaker
            .and_then(|id| a.speaker(id))
            .map(|s| a.slice(s.name)),
        Some("Dmitry Peskov")
    );
    assert_eq!(peskov.gender, Some(Gender::Masculine));
}

#[test]
fn seed_article_bodies_groups_and_unnamed_sources() {
    let Some(text) = seed() else { return };
    let a = Parser::new().parse(&text);
    check_consistency(&a);
    assert_eq!(
        speaker_of_content(&a, "No immediate plans exist"),
        Some("Kremlin")
    );
    assert_eq!(
        speaker_of_content(&a, "the country we are discussing is hostile"),
        Some("Dmitry Peskov")
    );
    assert_eq!(
        speaker_of_content(&a, "the predicted victory of Trump"),
        Some("Other senior Russian officials")
    );
    assert_eq!(
        speaker_of_content(&a, "Trump's election win could lead"),
        Some("Russian officials")
    );
    assert_eq!(
        speaker_of_content(&a, "Russia-U.S. relations could improve"),
        Some("A lawmaker from the ruling United Russia party")
    );
    let kind = |n: &str| {
        a.speakers()
            .iter()
            .find(|s| a.slice(s.name) == n)
            .map(|s| s.kind)
    };
    assert_eq!(kind("Kremlin"), Some(SpeakerKind::Organisation));
    assert_eq!(
        kind("Other senior Russian officials"),
        Some(SpeakerKind::Group)
    );
    assert_eq!(kind("Russian officials"), Some(SpeakerKind::Group));
    assert_eq!(
        kind("A lawmaker from the ruling United Russia party"),
        Some(SpeakerKind::Unnamed)
    );
    // One speaker each, however often quoted.
    for n in [
        "Kremlin",
        "Other senior Russian officials",
        "Russian officials",
        "A lawmaker from the ruling United Russia party",
    ] {
        assert_eq!(
            a.speakers().iter().filter(|s| a.slice(s.name) == n).count(),
            1,
            "{n}"
        );
    }
}

#[test]
fn a_participle_clause_after_an_inverted_speaker_is_no_part_of_the_source() {
    let text = "\"Not me,\" said Tom Reed, 21, shaking his head so hard his hat fell off.";
    let article = quotative::Parser::new().parse(text);
    let q = &article.quotes()[0];
    assert_eq!(&text[q.mention.unwrap()], "Tom Reed");
    assert_eq!(&text[q.source.unwrap()], "Tom Reed, 21");
}
