//! Table tests: input → expected entities (name, type, mention texts), French and English.

use super::*;

fn run(text: &str) -> Vec<(String, &'static str, Vec<String>)> {
    let doc = Doc::new(text);
    extract(&doc, crate::lang::detect(text))
        .into_iter()
        .map(|e| (e.name.clone(), e.kind.as_str(), e.mentions.iter().map(|m| m.slice(text).to_string()).collect()))
        .collect()
}

/// Each case: text, then (canonical name, type, mentions) for every entity expected (others may exist
/// only if listed with `exact = true`).
fn check(text: &str, expected: &[(&str, &str, &[&str])]) {
    let got = run(text);
    for (name, ty, mentions) in expected {
        let e = got.iter().find(|(n, _, _)| n == name).unwrap_or_else(|| panic!("{text:?}: no entity {name:?} in {got:?}"));
        assert_eq!(e.1, *ty, "{text:?}: type of {name:?}");
        let m: Vec<&str> = e.2.iter().map(String::as_str).collect();
        assert_eq!(m, *mentions, "{text:?}: mentions of {name:?}");
    }
}

#[test]
fn people_with_honorifics_titles_and_surnames() {
    let cases: &[(&str, &[(&str, &str, &[&str])])] = &[
        (
            "Le procureur général américain Jeff Sessions a parlé. Plus tard, M. Sessions a nié.",
            &[("Jeff Sessions", "person", &["Jeff Sessions", "M. Sessions"])],
        ),
        ("Selon Mme Pelosi, la démocrate Nancy Pelosi a tort.", &[("Nancy Pelosi", "person", &["Mme Pelosi", "Nancy Pelosi"])]),
        ("Il a vu M. de Villepin puis Dominique de Villepin.", &[("Dominique de Villepin", "person", &["M. de Villepin", "Dominique de Villepin"])]),
        ("Trump's lawyer met Donald Trump. Trump said no.", &[("Donald Trump", "person", &["Trump", "Donald Trump", "Trump"])]),
        ("The report by George W. Bush was read by Mr. Bush himself.", &[("George W. Bush", "person", &["George W. Bush", "Mr. Bush"])]),
        ("Une lettre de Pascal CHEVILLOT est arrivée.", &[("Pascal Chevillot", "person", &["Pascal CHEVILLOT"])]),
        ("Hier, l'actrice Francisca Joly-Gomez a parlé. Pour Joly-Gomez, tout va bien.", &[("Francisca Joly-Gomez", "person", &["Francisca Joly-Gomez", "Joly-Gomez"])]),
    ];
    for (text, expected) in cases {
        check(text, expected);
    }
}

#[test]
fn two_people_sharing_a_surname_stay_apart() {
    let got = run("Will Smith et Jada Pinkett Smith sont venus. Will Smith a parlé.");
    let names: Vec<&str> = got.iter().map(|e| e.0.as_str()).collect();
    assert!(names.contains(&"Will Smith") && names.contains(&"Jada Pinkett Smith"), "{got:?}");
    let will = got.iter().find(|e| e.0 == "Will Smith").map(|e| e.2.len());
    assert_eq!(will, Some(2));
}

#[test]
fn organisations_and_places() {
    let cases: &[(&str, &[(&str, &str, &[&str])])] = &[
        ("Le ministère de la Justice doit agir, a dit le Sénat.", &[("ministère de la Justice", "organization", &["ministère de la Justice"]), ("Sénat", "organization", &["Sénat"])]),
        ("Il est membre du Comité de l'armée au Sénat depuis mai.", &[("Comité de l'armée au Sénat", "organization", &["Comité de l'armée au Sénat"]), ("Sénat", "organization", &["Sénat"])]),
        ("Il était au think-tank Heritage Foundation (Fondation du patrimoine) hier.", &[("Heritage Foundation", "organization", &["Heritage Foundation", "Fondation du patrimoine"])]),
        ("The Assembly of First Nations (AFN) met. The AFN said no.", &[("Assembly of First Nations", "organization", &["Assembly of First Nations", "AFN", "AFN"])]),
        ("Il a parlé avec l'ambassadeur de Russie aux Etats-Unis.", &[("Russie", "location", &["Russie"]), ("Etats-Unis", "location", &["Etats-Unis"])]),
        ("Le Tribunal arbitral du sport (TAS) a tranché. Le TAS est à Lausanne.", &[("Tribunal arbitral du sport", "organization", &["Tribunal arbitral du sport", "TAS", "TAS"])]),
        ("LONDRES (AFP) - Il pleut à Londres.", &[("Londres", "location", &["LONDRES", "Londres"]), ("AFP", "organization", &["AFP"])]),
        ("Une audience au tribunal correctionnel de Belfort a eu lieu.", &[("tribunal correctionnel de Belfort", "organization", &["tribunal correctionnel de Belfort"]), ("Belfort", "location", &["Belfort"])]),
    ];
    for (text, expected) in cases {
        check(text, expected);
    }
}

#[test]
fn english_names_across_and_ampersand_and_abbreviations() {
    let cases: &[(&str, &[(&str, &str, &[&str])])] = &[
        ("The Food and Drug Administration approved it.", &[("Food and Drug Administration", "organization", &["Food and Drug Administration"])]),
        ("He joined the Bill and Melinda Gates Foundation.", &[("Bill and Melinda Gates Foundation", "organization", &["Bill and Melinda Gates Foundation"])]),
        ("The Department of Health and Human Services declined.", &[("Department of Health and Human Services", "organization", &["Department of Health and Human Services"])]),
        ("Procter & Gamble Company and Johnson & Johnson said so.", &[("Procter & Gamble Company", "organization", &["Procter & Gamble Company"]), ("Johnson & Johnson", "organization", &["Johnson & Johnson"])]),
        ("Lawyers at Cassels Brock & Blackwell LLP said so.", &[("Cassels Brock & Blackwell LLP", "organization", &["Cassels Brock & Blackwell LLP"])]),
        ("James Bullard heads the St. Louis Federal Reserve. St. Louis is calm.", &[("St. Louis Federal Reserve", "organization", &["St. Louis Federal Reserve"]), ("St. Louis", "location", &["St. Louis", "St. Louis"])]),
        ("Trump and Justice Department officials met.", &[("Justice Department", "organization", &["Justice Department"])]),
        ("The U.S. economy grew, and the U.K. agreed.", &[("U.S.", "location", &["U.S."]), ("U.K.", "location", &["U.K."])]),
        // a capital inside a word: a firm or a brand, unless a surname is written so
        ("Riders said TransLink and YouTube agreed with MacKay.", &[("TransLink", "organization", &["TransLink"]), ("YouTube", "organization", &["YouTube"])]),
        // the name an article uses, not its legal form
        ("Shares of TransCanada Corp. fell. TransCanada said it would appeal.", &[("TransCanada", "organization", &["TransCanada Corp", "TransCanada"])]),
        // an event, an award, a law: closed by their word, no person
        ("Tiger Woods won the Tour Championship and the FedEx Cup.", &[("Tiger Woods", "person", &["Tiger Woods"]), ("Tour Championship", "other", &["Tour Championship"]), ("FedEx Cup", "other", &["FedEx Cup"])]),
        ("Under the Affordable Care Act, Anna Smith said.", &[("Affordable Care Act", "other", &["Affordable Care Act"]), ("Anna Smith", "person", &["Anna Smith"])]),
        // a name ending with a place: a part of it after a direction word, else an organisation named after a
        // country or region, but a person when the place is a city (many are surnames)
        ("Statistics Canada and Export Development Canada (EDC) said so.", &[("Statistics Canada", "organization", &["Statistics Canada"]), ("Export Development Canada", "organization", &["Export Development Canada", "EDC"])]),
        ("Fires spread across Southern California and Upstate New York.", &[("Southern California", "location", &["Southern California"]), ("Upstate New York", "location", &["Upstate New York"])]),
        ("The actor said Thandie Newton was there.", &[("Thandie Newton", "person", &["Thandie Newton"])]),
        // a preposition or quantifier opening a sentence is no part of the name after it
        ("Unlike Al Mnajer, he has no work. Despite Donald Trump, many stayed.", &[("Al Mnajer", "person", &["Al Mnajer"]), ("Donald Trump", "person", &["Donald Trump"])]),
        // a month's abbreviation before a day, not the first name Jan
        ("They came on Jan. 27, 2016, and Jan Koum met them.", &[("Jan Koum", "person", &["Jan Koum"])]),
        // facilities closed by their word, a Canadian province's abbreviation: places
        ("Cars crossed the Patullo Bridge to Pearson International Airport in Surrey, B.C. on Monday.", &[("Patullo Bridge", "location", &["Patullo Bridge"]), ("Pearson International Airport", "location", &["Pearson International Airport"]), ("Surrey", "location", &["Surrey"]), ("B.C.", "location", &["B.C."])]),
    ];
    for (text, expected) in cases {
        check(text, expected);
    }
    // Two names stay two without an article before them, or when the first half has its own organisation word.
    for (text, apart) in [
        ("Trump and Justice Department officials met.", "Trump and Justice Department"),
        ("The Federal Reserve and European Central Bank disagreed.", "Federal Reserve and European Central Bank"),
    ] {
        assert!(run(text).iter().all(|(n, _, _)| n != apart), "{text:?}: {apart:?} is two names");
    }
}

#[test]
fn sentence_initial_words_need_evidence() {
    let got = run("Dernière mise à jour hier. Des représentants sont venus. Sa décision est prise.");
    assert!(got.is_empty(), "{got:?}");
    let got = run("Hier soir, il pleuvait. Monday was cold.");
    assert!(got.iter().all(|e| e.0 != "Hier" && e.0 != "Monday"), "{got:?}");
}

#[test]
fn gender_from_honorifics_and_first_names() {
    let doc = Doc::new("Mme Dupont est venue. Michael Flynn aussi. Il a vu Xqzt Vrombl enfin.");
    let got = extract(&doc, Lang::Fr);
    let g = |n: &str| got.iter().find(|e| e.name == n).map(|e| e.gender);
    assert_eq!(g("Dupont"), Some(Some(Gender::Female)));
    assert_eq!(g("Michael Flynn"), Some(Some(Gender::Male)));
    assert_eq!(g("Xqzt Vrombl"), Some(None));
}

#[test]
fn descriptions_from_titles_and_appositions() {
    let text = "Le procureur général américain Jeff Sessions a parlé, a dit Sara Isgur Flores, la porte-parole de M. Sessions. \
                Le premier conseiller de M. Trump, Michael Flynn, a démissionné.";
    let doc = Doc::new(text);
    let got = extract(&doc, Lang::Fr);
    let d = |n: &str| got.iter().find(|e| e.name == n).map(|e| e.descriptions.clone()).unwrap_or_default();
    assert_eq!(d("Jeff Sessions"), vec!["procureur général américain"]);
    assert_eq!(d("Sara Isgur Flores"), vec!["la porte-parole de M. Sessions"]);
    assert_eq!(d("Michael Flynn"), vec!["Le premier conseiller de M. Trump"]);
    let who = person_described_as(&got, "la porte-parole", text.len());
    assert_eq!(who.map(|k| got[k].name.as_str()), Some("Sara Isgur Flores"));
    // English puts the role noun last: "the White House press secretary, Sarah Sanders,"
    let text = "The White House press secretary, Sarah Sanders, told CNN that talks would go on.";
    let got = extract(&Doc::new(text), Lang::En);
    let d = |n: &str| got.iter().find(|e| e.name == n).map(|e| e.descriptions.clone()).unwrap_or_default();
    assert_eq!(d("Sarah Sanders"), vec!["The White House press secretary"]);
}

#[test]
fn helpers_for_the_quotes_module() {
    let text = "Nancy Pelosi a parlé. M. Sessions a répondu, puis elle a ri.";
    let doc = Doc::new(text);
    let got = extract(&doc, Lang::Fr);
    let pos = text.find("elle").unwrap_or(0);
    let (k, m) = last_person_before(&got, pos, Some(Gender::Female)).expect("a woman before");
    assert_eq!((got[k].name.as_str(), m.slice(text)), ("Nancy Pelosi", "Nancy Pelosi"));
    let (k, m) = last_person_before(&got, pos, None).expect("someone before");
    assert_eq!((got[k].name.as_str(), m.slice(text)), ("Sessions", "M. Sessions"));
    let s = text.find("Sessions").unwrap_or(0);
    let (k, m) = entity_at(&got, Span::new(s, s + 8)).expect("covered");
    assert_eq!((got[k].name.as_str(), m.slice(text)), ("Sessions", "M. Sessions"));
}

#[test]
fn never_panics_on_odd_input() {
    for text in ["", "M.", "Mme", "M. ", "(", "É", "de la", "Comité de", "« M. »", "A. B. C. D.", "L'", "d'É", "Mr. O'", "ÉTATS-UNIS!!", "😀 M. 😀"] {
        let _ = run(text);
    }
}

#[test]
fn brands_acronyms_and_nested_names() {
    let cases: &[(&str, &[(&str, &str, &[&str])])] = &[
        ("Le film passe sur Canal+ puis sur France 3 Limousin, en France.", &[("Canal+", "organization", &["Canal+"]), ("France 3 Limousin", "organization", &["France 3 Limousin"]), ("France", "location", &["France", "France"])]),
        ("La Caisse d'allocations familiales paie. La Caf a confirmé.", &[("Caisse d'allocations familiales", "organization", &["Caisse d'allocations familiales", "Caf"])]),
        ("Lire la critique sur Libération.fr : Libération aime.", &[("Libération.fr", "organization", &["Libération.fr", "Libération"])]),
        ("Le Conseil de sécurité de l'ONU s'est réuni. Le Conseil de sécurité a voté.", &[("Conseil de sécurité de l'ONU", "organization", &["Conseil de sécurité de l'ONU", "Conseil de sécurité"]), ("ONU", "organization", &["ONU"])]),
        ("La Corée du Nord a tiré un missile.", &[("Corée du Nord", "location", &["Corée du Nord"])]),
        ("Il vit dans la bande de Gaza depuis 2000.", &[("bande de Gaza", "location", &["bande de Gaza"])]),
    ];
    for (text, expected) in cases {
        check(text, expected);
    }
}

#[test]
fn english_people_with_titles_and_context() {
    let cases: &[(&str, &[(&str, &str, &[&str])])] = &[
        ("Senate Minority Leader Chuck Schumer spoke. Schumer said no.", &[("Chuck Schumer", "person", &["Chuck Schumer", "Schumer"])]),
        ("British Prime Minister Theresa May met Donald Tusk.", &[("Theresa May", "person", &["Theresa May"]), ("Donald Tusk", "person", &["Donald Tusk"])]),
        ("The family adopted two-year-old Ayo. Officials met Ayo said the lawyer.", &[]),
        ("\"We are ready,\" Kimbal said on Monday.", &[("Kimbal", "person", &["Kimbal"])]),
        ("P.J. Boatwright ran the course.", &[("P.J. Boatwright", "person", &["P.J. Boatwright"])]),
        ("The winner, GRAHAM DELAET, spoke.", &[("Graham Delaet", "person", &["GRAHAM DELAET"])]),
    ];
    for (text, expected) in cases {
        check(text, expected);
    }
}

#[test]
fn phrases_that_are_not_people() {
    let got = run("Il a suivi les Jeux Olympiques et les Grands Prix avec les Russes.");
    assert!(got.iter().all(|e| e.1 != "person"), "{got:?}");
}

#[test]
fn gender_from_pronouns() {
    let cases: &[(&str, &str, Option<Gender>)] = &[
        ("Jeong Uhee est arrivé. Il a parlé longtemps.", "Jeong Uhee", Some(Gender::Male)),
        ("« Non », a répondu Cha Soona. Elle a ri.", "Cha Soona", Some(Gender::Female)),
        ("Xqzt Vrombl said she would go.", "Xqzt Vrombl", Some(Gender::Female)),
        ("Xqzt Vrombl a parlé à Nancy Pelosi. Elle a ri.", "Xqzt Vrombl", None),
    ];
    for (text, name, gender) in cases {
        let doc = Doc::new(text);
        let got = extract(&doc, Lang::Fr);
        let e = got.iter().find(|e| e.name == *name).unwrap_or_else(|| panic!("{text:?}: no {name:?} in {got:?}"));
        assert_eq!(e.gender, *gender, "{text:?}");
    }
}

#[test]
fn spans_shift_with_a_prefix() {
    // Inserting text before a passage shifts every mention by exactly that much.
    let base = "Le procureur général Jeff Sessions a vu M. Kisliak au Sénat. La Caisse d'allocations familiales paie.";
    let prefix = "Une phrase sans nom ici. ";
    let a = extract(&Doc::new(base), Lang::Fr);
    let shifted = format!("{prefix}{base}");
    let b = extract(&Doc::new(&shifted), Lang::Fr);
    let spans = |es: &[Entity], d: usize| -> Vec<(String, Vec<(usize, usize)>)> {
        es.iter().map(|e| (e.name.clone(), e.mentions.iter().map(|m| (m.start - d, m.end - d)).collect())).collect()
    };
    assert_eq!(spans(&a, 0), spans(&b, prefix.len()));
}

#[test]
fn any_text_analyses_without_panic() {
    // A small deterministic generator of awkward texts: capitals, particles, apostrophes, marks, accents.
    let pieces = ["M.", "Mme", "de", "l'", "d’", "Jean", "ÉTATS", "(", ")", "«", "»", "\"", "Comité", "du", "Sénat", "+", "3", ".fr", "P.", "J.", ",", ".", "\n", "é", "😀", "al-", "Assad", "said", "a-t-il", "ministère", "la", "Justice"];
    let mut seed = 12345u64;
    for _ in 0..300 {
        let mut text = String::new();
        for _ in 0..20 {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            let p = pieces[(seed >> 33) as usize % pieces.len()];
            text.push_str(p);
            if (seed >> 20) & 1 == 0 {
                text.push(' ');
            }
        }
        let doc = Doc::new(&text);
        for e in extract(&doc, Lang::Fr) {
            for m in e.mentions {
                assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end) && m.start < m.end, "{text:?}");
            }
        }
    }
}

#[test]
fn unknown_single_names_typed_by_context() {
    let cases: &[(&str, &str, &str)] = &[
        ("Cependant, le Kremlin a démenti.", "Kremlin", "organization"),
        ("Le documentaire passe sur Netflix ce soir.", "Netflix", "organization"),
        ("Trois personnes vivaient à Giromagny depuis dix ans.", "Giromagny", "location"),
        ("Le rôle de l'État est discuté.", "État", "other"),
        ("\"We are ready,\" Kimbal said.", "Kimbal", "person"),
    ];
    for (text, name, ty) in cases {
        let got = run(text);
        let e = got.iter().find(|e| e.0 == *name).unwrap_or_else(|| panic!("{text:?}: no {name:?} in {got:?}"));
        assert_eq!(e.1, *ty, "{text:?}");
    }
}

/// A lower-case noun naming a kind of organisation right before a capitalised name makes it an organisation,
/// even when the name looks like a person's (two capitalised words) or speaks ("Selon …", "… said").
#[test]
fn organisation_type_noun_before_a_name() {
    let cases: &[(&str, &[(&str, &str, &[&str])])] = &[
        ("Selon l'association Brenneville Nature, la forêt recule.", &[("Brenneville Nature", "organization", &["Brenneville Nature"])]),
        ("Le syndicat Solidaires Rail a appelé à la grève mardi.", &[("Solidaires Rail", "organization", &["Solidaires Rail"])]),
        ("La fondation Marlière a publié un rapport.", &[("Marlière", "organization", &["Marlière"])]),
        ("Le collectif Vigilance Quartiers, créé en 2019, proteste.", &[("Vigilance Quartiers", "organization", &["Vigilance Quartiers"])]),
        ("The union Dockside Workers United said the strike would go on.", &[("Dockside Workers United", "organization", &["Dockside Workers United"])]),
        ("According to the charity Brightwater, prices rose.", &[("Brightwater", "organization", &["Brightwater"])]),
        ("The firm Harrow Kendal declined to comment.", &[("Harrow Kendal", "organization", &["Harrow Kendal"])]),
        // No organisation noun: two capitalised words stay a person, and a place stays a place.
        ("Selon Lucien Brenneville, la forêt recule.", &[("Lucien Brenneville", "person", &["Lucien Brenneville"])]),
    ];
    for (text, expected) in cases {
        check(text, expected);
    }
    // "le groupe Paris": a place name after the noun is not retyped.
    let got = run("Il travaille pour la société Marseille depuis mai.");
    assert!(got.iter().all(|e| e.1 != "organization" || e.0 != "Marseille"), "{got:?}");
}

/// Entities whose first mentions tie (a place nested in a team's name) and types that tie on votes must come out
/// the same on every run: hash maps iterate in a different order in each process and each map.
#[test]
fn output_does_not_depend_on_hash_order() {
    let texts = [
        "The Carolina Hurricanes beat the Vancouver Canucks in Carolina. Carolina fans cheered. The Hurricanes \
         and the Canucks meet again in Vancouver, where Vancouver fans wait.",
        "Le Paris Saint-Germain a battu l'Olympique de Marseille à Paris. Paris a fêté Saint-Germain et Marseille.",
    ];
    for text in texts {
        let first = run(text);
        for _ in 0..16 {
            assert_eq!(run(text), first, "{text}");
        }
    }
}
