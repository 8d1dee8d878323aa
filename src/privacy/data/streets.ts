/**
 * Well-known street names without a street-name ending ("Damrak 73", "Rokin 12"): the address
 * detector reads them as a street when a house number follows. Names with an ending (…straat,
 * …singel, …gracht) need no entry. A `*` marks names that are also ordinary words ("Dam",
 * "Drift"): those count only when capitalised. Data: one name per line, words separated by spaces.
 */
export const KNOWN_STREETS = `
Damrak
Rokin
Dam*
Spui
Overtoom
Meent*
Blaak
Weena
Binnenrotte
Neude
Drift*
Demer
Vrijthof
Stratumseind
Heuvel*
Plaats*
Lange Poten
Korte Poten
Lange Voorhout
Voorhout
Amstel*
Zuiderdiep
Oosterdiep
Westerdiep
Rapenburg
Oude Delft
Wyck
Breed*
Kalverstraat
Nieuwezijds Voorburgwal
Oudezijds Achterburgwal
Hofplein
Coolsingel
Lijnbaan
Vredenburg
Janskerkhof
Buitenhof
Binnenhof
Vismarkt
Grote Markt
Brink*
Markt*
Hoogstraat
Ganzenmarkt
Hooigracht
Wittevrouwen
Catharijnesingel
`;
