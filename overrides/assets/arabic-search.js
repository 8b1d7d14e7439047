// The reader's query folded the way build_tools/text/arabic.py folds the indexed Arabic words:
// diacritics, tatweel and zero-width characters dropped, alef forms unified, taa marbuta -> haa,
// alif maqsura -> yaa, attached و ف ب ك ل and the article ال removed. Keep the two in step:
// tests/test_arabic.py runs this file against build_tools/text/charsets.py and arabic.py.
(function () {
  var DIACRITICS = /[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200b-\u200d\u2060-\u2064\ufeff\u00ad\u180e]/g;
  var FOLD = {"\u0623": "\u0627", "\u0625": "\u0627", "\u0622": "\u0627", "\u0671": "\u0627",
              "\u0629": "\u0647", "\u0649": "\u064a", "\u06cc": "\u064a", "\u06a9": "\u0643"};
  var CLITICS = /^[وف]?(?:[بك]?ال|لل|[بكل])?(?=\S{2,}$)/;
  var ARABIC_WORD = /[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]+/g;

  function searchForm(word) {
    var folded = word.normalize("NFKC").replace(DIACRITICS, "").replace(/./g, function (c) {
      return FOLD[c] || c;
    });
    return folded.replace(CLITICS, "");
  }

  window.briefingArabicQuery = function (term) {
    return term.replace(ARABIC_WORD, searchForm);
  };

  var element = document.getElementById("briefing-search");
  if (element && window.PagefindUI) {
    new PagefindUI({
      element: "#briefing-search",
      showSubResults: false,
      showImages: false,
      pageSize: 10,
      // Long articles should not lose to short entity pages for the same words.
      ranking: {pageLength: 0.3},
      translations: {placeholder: element.dataset.placeholder},
      processTerm: window.briefingArabicQuery
    });
    // Pagefind's input carries its placeholder only as a title, which is no label (axe
    // "label-title-only"): it is named by the same words.
    var input = element.querySelector("input");
    if (input) input.setAttribute("aria-label", element.dataset.placeholder);
  }
})();
