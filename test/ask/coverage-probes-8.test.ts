import { describeProbes } from './probe-suite.ts';

// Coverage probes, eighth set: the borders with health insurance and compulsory care, and complaints
// and supervision. Zvw (wijkverpleging and a Zvw-pgb, eigen risico 2026, GRZ: eigen risico, six
// months, start within a week; ELV types and referral; palliatief terminale zorg; hospice; zittend
// ziekenvervoer: groups and eigen bijdrage; hulpmiddelen; ggz referral and eigen risico; zorgplicht
// and zorgbemiddeling), Wkkgz complaints (six plus four weeks, binding ruling, 25,000 euros, free
// klachtenfunctionaris), IGJ (calamity within three working days, Landelijk Meldpunt Zorg), NZa,
// Zorginstituut and the basic package, complaints about gemeente and zorgverzekeraar (ombudsman,
// SKGZ), Wzd (court authorisation, IBS by the mayor, location register, data to the IGJ, complaints
// committee within two weeks, at home, target group), Wvggz (anyone can report, verkennend onderzoek
// 14 days, first zorgmachtiging six months, pvp, own plan van aanpak), WGBO (12-16 and 16+, record
// kept 20 years, free copy), mentor/curator/bewindvoerder and the levenstestament. Written before any
// card was read, as professionals type them (12 of 60 in English); every fact checked against a public
// source (wetten.overheid.nl, rechtspraak.nl, IGJ, CIZ, SKGZ, Rijksoverheid, zorgverzekeraars) or
// known current law.
/**
 * Measured 2026-12-01 on the shown answer (offline engine). Fresh, before any card was changed: 76.7% of
 * 60 (46/60). Four patterns were then corrected after reading the shown answers and the sources: 009
 * (a terminal client at home needs no Wlz indication: the wijkverpleegkundige indicates, no CIZ; the
 * probe had assumed a fast CIZ route), 010 (a high-care hospice stay is ELV palliatief terminale zorg
 * under the Zvw, so ELV counts as the answer, as does the eigen bijdrage of a bijna-thuis-huis), 018
 * and 047 (a sentence on jeugdhulp referral and 'geldt' met the loose patterns). With them the
 * unchanged knowledge base scores 75.0% (45/60). Probe 040 was reworded ('wat doet een pvp eigenlijk bij
 * verplichte ggz?') because its first wording was, by chance, a card's own question.
 * After one new card (wgbo-medisch-dossier-bewaren-inzage: kept 20 years from the last change,
 * inspection, first copy free, destruction) and sentences added or sharpened on 6 cards (Wzd: the IBS
 * is the mayor's, a first court authorisation usually at most six months, the IGJ gets the Wzd data
 * from the provider twice a year; Wvggz: own plan van aanpak to avoid compulsory care, anyone can
 * report concerns; zittend ziekenvervoer: eigen bijdrage per calendar year and eigen risico;
 * wijkverpleging under the insurer's duty of care, with zorgbemiddeling), and 'basispakket',
 * 'levenstestament' and 'wilsonbekwaam(heid)'/'wilsbekwaam' as domain words (the card question 'Welke
 * organisatie bepaalt wat in het basispakket zit?' was itself refused as out of scope): 91.7% (55/60).
 * That figure is tuned on these probes (the misses were read), not a fresh one. Sets 1-7 the same or
 * better on the same tree (set 2 gains G2-025, set 4 gains P4-044); the tuning split stays at 91.3%.
 * Two wordings that reached 95.0% here were dropped because each cost the tuning split an answer
 * (a Wzd sentence with the provider as subject, a longer plan-van-aanpak sentence). Misses left: 017
 * (insurer has no contracted wijkverpleging: refused as unknown although the wijkverpleging card now
 * says it), 018 (the ggz referral sentence is on the Zvw card; the Wlz ggz card ranks first), 033 and
 * 041 (the Wzd data and plan-van-aanpak sentences are outranked by the glossary and step-plan
 * sentences), 047 (what a curator does: the representative card wins over the curatele card). The
 * floor is the measured share minus two points.
 */
describeProbes({ file: new URL('./coverage-probes-8.json', import.meta.url), title: 'coverage probes, eighth set (Zvw, Wzd/Wvggz, complaints and supervision)', label: 'coverage probes 8', floor: 0.89, minCount: 60 });
