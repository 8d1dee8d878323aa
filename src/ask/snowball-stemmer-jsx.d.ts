// snowball-stemmer.jsx ships no type declarations; this is the small part Wegwijs uses.
interface SnowballStemmer {
  /** The stem of one word (the stemmer also keeps it in `cache`, keyed '.' + word). */
  stemWord(word: string): string;
  cache: Record<string, string>;
}
declare module 'snowball-stemmer.jsx/dest/dutch-stemmer.common.min.js' {
  const module: { DutchStemmer: new () => SnowballStemmer };
  export default module;
}
declare module 'snowball-stemmer.jsx/dest/english-stemmer.common.min.js' {
  const module: { EnglishStemmer: new () => SnowballStemmer };
  export default module;
}
