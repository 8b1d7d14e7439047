// Arabic words folded the way build_tools/text/arabic.py folds them for the search index:
// diacritics, tatweel and zero-width characters dropped, alef forms unified, taa marbuta -> haa,
// alif maqsura -> yaa, and the forms a word is looked up by (search_forms): folded as written,
// and without its attached و ف ب ك ل and article ال. Keep the two in step:
// tests/test_arabic.py runs this module against build_tools/text/charsets.py and arabic.py.
const DIACRITICS = /[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200b-\u200d\u2060-\u2064\ufeff\u00ad\u180e]/g;
const FOLD = {"\u0623": "\u0627", "\u0625": "\u0627", "\u0622": "\u0627", "\u0671": "\u0627",
              "\u0629": "\u0647", "\u0649": "\u064a", "\u06cc": "\u064a", "\u06a9": "\u0643"};
const CLITICS = /^[وف]?(?:[بك]?ال|لل|[بكل])?(?=\S{2,}$)/;
const ARABIC_WORD = /[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]+/g;

function fold(word) {
  return word.normalize("NFKC").replace(DIACRITICS, "").replace(/./g, (c) => FOLD[c] || c);
}

function searchForm(word) {
  return fold(word).replace(CLITICS, "");
}

// A term with each Arabic word folded and without its prefixes (search_form): how the
// search page compares a query with an entity's names.
export function arabicQuery(term) {
  return term.replace(ARABIC_WORD, searchForm);
}

// The forms search looks a word up by, as search_forms makes them; a word that is not
// Arabic is looked up as it is.
export function searchForms(word) {
  if (!word.match(ARABIC_WORD)) return [word];
  const forms = [];
  fold(word).split(/\s+/).forEach((folded) => {
    [folded, folded.replace(CLITICS, "")].forEach((form) => {
      if (form && !forms.includes(form)) forms.push(form);
    });
  });
  return forms;
}
