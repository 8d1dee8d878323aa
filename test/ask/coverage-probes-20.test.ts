import { describeProbes } from './probe-suite.ts';

// Coverage probes, twentieth set: the five seed reports as members of learning networks,
// facilitators, zorgkantoor and provider staff ask about them, on facts sets 3 and 9 did not ask
// (other paragraphs, tables, appendices, case examples and lists): the VWS networks on complaints and
// suitable places (participants, Zorgatlas interviews, warm handover, referral form and its pilot,
// vertical learning, family E.), the Trimbos study (interviews, period, sources, group size, six
// types, safety, data portal), Volwaardig leven 2020 (labour market survey, staff figures,
// ambassadors, Philadelphia convenant, InZicht, schrap- en snapsessies, PGO, Wegingskader, NZa
// monitor, Innovatie-impuls, pilots ASS and Netwerkgids, Nivel, Lastige ouders), Begeleiding à la
// carte (Middin, ASVZ, directors, confidence, Bumpy Moments partners, Ipse de Bruggen, external
// factors, WonenPlus, success factors, Het Houvast, relatives' doubts) and the Werkagenda 2018 (MEE,
// size of the group, CIT regions, ambulant interventions, side-entrants, themes, regional budget).
// Written before any card was read, as professionals type them (12 in English); every fact checked
// against the seed (each probe's "section" names the seed's section).
/**
 * Measured 2026-12-01 on the shown answer (offline engine). Fresh, before any card was changed: 70.0%
 * of 60 (42/60). One pattern was then widened because it missed a correct wording ('elke 2 weken'); with
 * it the same tree scores 71.7%. Probe 044 was then reworded, because its blind wording happened to equal
 * a card question (the suite requires other words); it was met before and after. After the KB fixes: 86.7% (52/60). Changed: warme-overdracht (lack of
 * time and money and the deliberate 'frisse blik' in one sentence), helpende-factoren-vernieuwing (the
 * duplicated sentence on the three external factors made one, question, topics), arbeidsmarkt-
 * gehandicaptenzorg-2020 (BPSW and V&VN with the first ambassadeursleergang; ziekteverzuim 7,5% in Q1
 * 2020 self-contained; question and topic), innovatie-impuls-2020 (13 stopped, mostly still had to get
 * randvoorwaarden in order), pilot-bondgenoten (PGO Jouw Omgeving), vernieuwingen-meedoen-en-
 * vakmanschap (WonenPlus in the English answer and title, topic 'ipse'), vernieuwingen-familie-en-
 * zeggenschap (topics Middin, IKKOOKKRATJE), opbrengsten-begeleiding-a-la-carte (English: relatives'
 * concerns), and a question on the cards for PGO, Lastige ouders, Middin, family E., network types and
 * recommendations. That figure is tuned on these probes (the misses were read), not a fresh one. Sets
 * 2-19 the same as before on the same tree, set 18 one probe better. Misses left: 004 and 011 are
 * two-part questions that show one of the two facts; 015, 024, 026, 050, 053 (English) get a
 * neighbouring sentence of the right card or a sibling card; 052 (Het Houvast) is out of scope, since
 * making 'houvast' a domain word answers everyday questions ('ik zoek houvast'). The floor is the
 * measured share minus two points.
 */
describeProbes({ file: new URL('./coverage-probes-20.json', import.meta.url), title: 'coverage probes, twentieth set (seed facts for networks, zorgkantoor and provider staff)', label: 'coverage probes 20', floor: 0.84, minCount: 60 });
