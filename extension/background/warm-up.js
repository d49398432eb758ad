// The service worker's warm-up material (service-worker.js): one small news page of our own in each language,
// written for NewsLens, as snapshots (content/snapshot.js's format) shaped like a real page's: navigation, a
// headline, a byline, paragraphs with direct and reported quotes, speakers named, titled and referred back to,
// dates of every common form, people, organisations and places, an aside and a footer. Analysing them runs the
// same code paths as a reader's page (the snapshot's parser, article detection, every analyser), so that V8
// has compiled and then optimised those paths before a page asks.

const FR = [
  '« Nous ne reculerons pas », a déclaré mardi soir la ministre de la Santé, Claire Morel, devant l\u2019Assemblée nationale.',
  'Selon le porte-parole de la SNCF, Jean-Pierre Lambert, le trafic reprendra lundi 14 mars à 6h30 sur la ligne Paris-Lyon.',
  'Le président Paul Girard a estimé jeudi que « la France doit rester unie », avant de s\u2019envoler pour Bruxelles.',
  'L\u2019an dernier, la Banque de France prévoyait une croissance de 1,2 % pour 2019 ; elle table désormais sur 0,8 % d\u2019ici à la fin de l\u2019année.',
  '« C\u2019est une décision historique », s\u2019est félicité M. Dupont, maire de Lyon, qui avait annoncé il y a trois semaines sa candidature.',
  'Il a ajouté que les travaux dureraient deux ans, du 1er septembre 2024 au 31 août 2026, et coûteraient 40 millions d\u2019euros.',
  'D\u2019après le ministère du Travail, le chômage a baissé au premier trimestre, une première depuis les années 1990 à Marseille comme à Toulouse.',
  'La porte-parole du gouvernement, Sophie Martin, a indiqué hier que la réunion aurait lieu le 03/03 à 13h27 à l\u2019Élysée.',
];
const EN = [
  '"We will not back down," Health Secretary Sarah Jones said on Tuesday night in Washington.',
  'According to a spokesman for the Federal Reserve, John Miller, rates will stay unchanged until next March.',
  'President Robert Hale told reporters on Thursday that "the country must stay united" before flying to Brussels.',
  'Last year, the Bank of England expected growth of 1.2% for 2019; it now forecasts 0.8% by the end of the year.',
  '"This is a historic decision," said Mayor Tom Smith of Boston, who announced his candidacy three weeks ago.',
  'He added that the works would last two years, from September 1, 2024 to August 31, 2026, and cost $40 million.',
  'The Labor Department said unemployment fell in the first quarter, for the first time since the 1990s, in Ohio and Texas.',
  'The White House press secretary, Karine Lee, said yesterday that the meeting would be held at 1:27 p.m. on March 3.',
];

const link = (x) => ({ t: 'li', c: [{ t: 'a', a: { href: '/' }, c: [{ x }] }] });
const list = (words) => ({ t: 'ul', c: words.map(link) });

/** A snapshot of a page in `lang` ('fr' | 'en') carrying `sentences` in its article, two a paragraph. */
function page(lang, sentences) {
  const [nav, headline, byline, related] = lang === 'fr'
    ? [['Politique', 'Économie', 'International', 'Culture', 'Sport'], 'La réforme adoptée', 'Par Léa Bernard, publié le 3 mars 2020 à 8h15', ['Le budget voté', 'Les grèves continuent', 'Élections : le calendrier']]
    : [['Politics', 'Business', 'World', 'Culture', 'Sports'], 'The reform passes', 'By Emma Clark, March 3, 2020, 8:15 a.m.', ['The budget vote', 'Strikes go on', 'Elections: the timetable']];
  const paragraphs = [];
  for (let i = 0; i < sentences.length; i += 2) paragraphs.push({ t: 'p', c: [{ x: sentences.slice(i, i + 2).join(' ') }] });
  return JSON.stringify({
    url: 'https://example.org/news/reform',
    root: { t: 'html', a: { lang }, c: [
      { t: 'head', c: [{ t: 'title', c: [{ x: headline }] }] },
      { t: 'body', c: [
        { t: 'header', c: [{ t: 'nav', c: [list(nav)] }] },
        { t: 'main', c: [{ t: 'article', a: { class: 'story' }, c: [
          { t: 'h1', c: [{ x: headline }] },
          { t: 'p', a: { class: 'byline' }, c: [{ x: byline }] },
          ...paragraphs.slice(0, 2),
          { t: 'blockquote', c: [{ t: 'p', c: [{ x: sentences[0] }] }] },
          ...paragraphs.slice(2),
        ] }, { t: 'aside', c: [{ t: 'h2', c: [{ x: related[0] }] }, list(related)] }] },
        { t: 'footer', c: [list(nav)] },
      ] },
    ] },
  });
}

/**
 * The warm-up pieces, `{ lang, text, json }`: the text alone (for `analyze`) and a page's snapshot, two pages in
 * each language with half the sentences each, alternating languages. Small pieces (~0.7 kB of article each): the
 * worker runs one piece a task, and a page's request that comes meanwhile waits for that piece.
 */
export const warmUpPieces = () => [0, 1].flatMap((half) => [['fr', FR], ['en', EN]].map(([lang, all]) => {
  const sentences = all.slice(half * 4, half * 4 + 4);
  return { lang, text: sentences.join(' '), json: page(lang, sentences) };
}));
