"""Sentences that lean on their predecessor wait, unless the budget holds most of the story anyway; cut-off
sentences always wait; in a story the budget nearly holds, pieces of a quotation stay out (no models)."""

from __future__ import annotations

import numpy as np
from summary_inputs import one_article_story

from storylens.summarize.features import NAMES, Features, features
from storylens.summarize.ranking import SHORT_STORY, select
from storylens.summarize.support import Evidence
from storylens.summarize.text import cut_off, dangling, inside_quotation, quotation_piece, word_count

TEXTS = [
    "Engineers closed the old bridge over the river after inspectors found deep cracks in two piers.",
    "He said repairs to the damaged piers would take at least six months and cost several million.",
    "Commuters were told to use the ferry, which will run every twenty minutes during rush hours.",
    "Shops near the bridge reported fewer customers on the first day of the closure than usual.",
]


def _pick_first(max_words: int, texts: list[str] = TEXTS) -> int:
    story = one_article_story(texts)
    cands = story.sentences
    fallback = np.array([dangling(s.text) for s in cands])
    cut = np.array([cut_off(s.text) for s in cands])
    assert (fallback | cut).tolist() == [False, True, False, False]
    none = np.zeros(len(cands), dtype=bool)
    feats = Features(cands, np.zeros((len(cands), len(NAMES))), fallback, cut, none, none)
    scores = np.array([0.0, 1.0, 0.0, 0.0])  # the held-back sentence scores best
    return select(story, Evidence([{} for _ in cands]), max_words, feats=feats, scores=scores)[0]


def test_a_dangling_sentence_waits_when_the_story_is_long_next_to_the_budget() -> None:
    total = sum(word_count(t) for t in TEXTS)
    assert _pick_first(max_words=int(total / SHORT_STORY) - 1) != 1


def test_a_dangling_sentence_competes_when_the_budget_holds_most_of_the_story() -> None:
    total = sum(word_count(t) for t in TEXTS)
    assert _pick_first(max_words=int(total / SHORT_STORY) + 1) == 1


def test_a_cut_off_sentence_waits_even_when_the_budget_holds_most_of_the_story() -> None:
    texts = [TEXTS[0], "Repairs to the damaged piers would take at least six months and cost several...", *TEXTS[2:]]
    total = sum(word_count(t) for t in texts)
    assert _pick_first(max_words=int(total / SHORT_STORY) + 1, texts=texts) != 1


def test_cut_off_reads_the_end_of_the_sentence() -> None:
    assert cut_off("Officials said 54% of adults are...")
    assert cut_off("the senators voted 68-32 on the bill late on")  # a truncated, lower-cased article
    assert cut_off("Read the full story here […]")
    assert not cut_off("He left Pyongyang on Sunday.")
    assert not cut_off('"It will be a full-fledged visit," he said, "a real one."')
    assert not cut_off("The talks were held in the U.S.")


def test_the_end_of_a_quotation_opened_before_waits_like_a_dangling_opener() -> None:
    # a Multi-News summary quoted 'We have to fund the government and pay our bills.”' (whose words?)
    texts = [TEXTS[0], "Repairs will take at least six months and cost the city several million dollars.”", *TEXTS[2:]]
    total = sum(word_count(t) for t in texts)
    assert _pick_first(max_words=int(total / SHORT_STORY) - 1, texts=texts) != 1
    assert dangling('We are done with this bridge."') and dangling("We have to fund the government and pay our bills.”")
    assert not dangling("“A shutdown will have real costs,” the economist said.")
    assert not dangling('"We are done," the mayor said.') and not dangling("The mayor said “no” to the plan.")
    # whose words, when the only speaker is a pronoun (a QA brief put a senator's '"It was an easy decision to
    # receive a booster," he continued.' after sentences about the president)
    assert dangling('"We are done," he said.') and dangling("“It was an easy decision,” he continued.")
    assert dangling("“We will win,” she told reporters on Monday.") and not dangling("The mayor told reporters he would win.")
    # or no one: a quotation alone, whose speaker another sentence names (QA round 14: a union leader's '"We may be
    # talking about Officer Hernandez as a survivor."' read as news that the officer who died may have survived)
    assert dangling('"We may be talking about Officer Hernandez as a survivor."')
    assert dangling("“The bridge is safe.”") and not dangling("“The bridge is safe,” the engineer said.")
    # speaking as "me" with no one said to say it (QA round 15: an oral history's "Getting fired from the talk show
    # was the real turning point for me." titled a brief); "us" is the country in a lower-cased article
    assert dangling("Getting fired from the talk show was the real turning point for me.")
    assert not dangling("The storm hit the us coast on monday.")
    assert not dangling("King Charles I was executed in 1649.")
    # and so in reported speech (QA round 9: 'All the victims were out of surgery, he said.' led no one to the speaker)
    assert dangling("All the victims were out of surgery, he said.")
    assert not dangling("All the victims were out of surgery, the sheriff said.")


def test_the_middle_of_a_quotation_whose_speaker_is_named_is_shown_as_their_words() -> None:
    # QA round 16: left out, the middle sentences of every quotation cost test-250 0.8 ROUGE-1; shown as the speaker's
    # words they are no longer the story's fact
    from storylens.summarize import summarize
    from storylens.summarize.text import quotation_speaker

    text = ('authorities. " she was terminated from the program. This was one of the terms of her probation. So we '
            'will seek jail time, " said frank mateljan, a spokesman for the city attorney.')
    start = text.index("This was")
    assert quotation_speaker(text, start, text.index("So we") - 1) == "frank mateljan"
    curly = "“We act now. It is late. We will rebuild,” Jane Smith, the mayor, said on Monday."
    assert quotation_speaker(curly, curly.index("It is"), curly.index(" We will")) == "Jane Smith"
    before = "Mayor Jane Smith said: “We act now. It is late. We will rebuild.”"
    assert quotation_speaker(before, before.index("It is"), before.index(" We will")) == "Mayor Jane Smith"
    pronoun = "“We act now. It is late. We will rebuild,” he said."
    assert quotation_speaker(pronoun, pronoun.index("It is"), pronoun.index(" We will")) is None
    # someone known only as someone's is no one the summary can name (QA round 19: '— my mother-in-law, quoted')
    kin = "“We act now. It is late. We will rebuild,” my mother-in-law said."
    assert quotation_speaker(kin, kin.index("It is"), kin.index(" We will")) is None
    # after a quotation closed on a full stop comes the next sentence (QA round 32: the speaker "In 2011 she")
    after = ('Wright said she had enjoyed a "fantastic life". "I\'ve done everything I could have wanted to do." In '
             '2011 she told the Guardian she did not worry about ageing.')
    assert quotation_speaker(after, after.index('"I\'ve'), after.index(" In 2011")) is None
    asked = '"Why would we stop now?" asked Jane Smith. "We will rebuild," Jane Smith said.'
    assert quotation_speaker(asked, asked.index('"We'), len(asked)) == "Jane Smith"
    middle = "This was one of the terms of the closure of the bridge to all traffic."
    end = 'So the ferries will run every twenty minutes," said Mayor Jane Smith on Monday.'
    texts = [TEXTS[0], '"Inspectors found deep cracks in two piers of the old bridge.', middle, end, TEXTS[2]]
    story = one_article_story(texts)
    feats = features(story, Evidence([{} for _ in story.sentences]))
    assert feats.inside.tolist() == [False, False, False, False, False]  # its speaker is named: no longer left out
    shown = {s.text: s.speaker for s in summarize(story, max_words=200)}
    assert shown[texts[2]] == "Mayor Jane Smith" and shown[TEXTS[0]] is None


def test_a_quotation_piece_whose_speaker_is_named_waits_no_longer() -> None:
    # its opening and a whole quotation alone are shown as the speaker's words, as its middle is; a piece whose
    # speaker is a pronoun still waits
    texts = [TEXTS[0], '"Inspectors found deep cracks in two piers of the old bridge.',
             'The ferries will run every twenty minutes," said Mayor Jane Smith on Monday.',
             '"We will rebuild the bridge within a year."', "Engineer Tom Lee said the old design had failed.",
             '"Nobody will drive over it until the piers are fixed.', 'The work starts in May," he said.']
    story = one_article_story(texts)
    feats = features(story, Evidence([{} for _ in story.sentences]))
    by_text = {c.text: k for k, c in enumerate(feats.cands)}
    assert not feats.fallback[by_text[texts[1]]] and not feats.piece[by_text[texts[1]]]  # Mayor Jane Smith's
    assert not feats.fallback[by_text[texts[3]]]  # Engineer Tom Lee's, named right after it
    assert feats.fallback[by_text[texts[5]]] and feats.piece[by_text[texts[5]]]  # "he said": whose?
    from storylens.summarize.features import quoted_speaker

    # (the end of the mayor's quotation names her itself: nothing to add)
    assert [quoted_speaker(story, story.sentences[i]) for i in (1, 2, 3, 5)] == [
        "Mayor Jane Smith", None, "Engineer Tom Lee", None]


def test_a_demonstrative_standing_for_a_noun_said_before_waits_like_a_dangling_opener() -> None:
    # QA round 16 (Multi-News): 'Bids for that are currently around the $11,000 mark.' (bids for what?)
    assert dangling("Bids for that are currently around the $11,000 mark.")
    assert dangling("Some of those were hurt in the blast on Monday.")
    assert not dangling("Bids for that painting are currently around $11,000.")  # it names the thing
    assert not dangling("Reports of this kind are rare in the region, officials said.")


def test_an_unattributed_first_person_sentence_waits_like_a_dangling_opener() -> None:
    # Multi-News summaries quoted 'I ask that you continue to pray for my family as we remember Martin.' (the middle
    # of a quotation) and 'Though in all honesty, we didn't search too hard.' (the writer's own voice)
    assert dangling("I ask that you continue to pray for my family as we remember Martin.")
    assert dangling("Though in all honesty, we didn't search too hard.")
    assert not dangling("“I can convince anyone of anything,” says Smith, and the man is not boasting.")
    assert not dangling("We have to fund the government, the mayor said on Monday.")  # attributed
    assert not dangling("World War I ended in 1918.") and not dangling("Pilgrims filled Our Lady of Lourdes church.")


def test_pieces_of_a_quotation_stay_out_of_a_small_story() -> None:
    # a NeuS summary of three short excerpts quoted '“It won’t be difficult for me.' and an unattributed 'Everyone who
    # has known my career ... knows that I have very high ethical standards'
    assert quotation_piece("“It won’t be difficult for me.") and quotation_piece('"It won\'t be difficult for me.')
    assert quotation_piece("Zero tolerance,” Hochul told CNN’s Jake Tapper.")
    assert quotation_piece("Everyone who knows my career knows that I have very high ethical standards.")
    assert not quotation_piece("“It won’t be difficult for me,” Hochul told CNN.")
    assert not quotation_piece('The mayor said "no" to the plan on Monday.')
    texts = [TEXTS[0], "“It won’t be difficult for me to repair the piers in six months.", TEXTS[2],
             "Ferry operators said they would add two more boats on the busiest", TEXTS[3]]
    story = one_article_story(texts)
    feats = features(story, Evidence([{} for _ in story.sentences]))
    assert feats.piece.tolist() == [False, True, False, False, False] and feats.cut.tolist()[3]
    total = sum(word_count(t) for t in texts)
    scores = np.array([0.0, 1.0, 0.0, 1.0, 0.0])
    chosen = select(story, Evidence([{} for _ in story.sentences]), total, feats=feats, scores=scores)
    # the budget holds the whole story: the piece of a quotation is left out, the cut-off sentence is not
    assert sorted(chosen) == [0, 2, 3, 4]
    # an excerpt's end cut off with "..." is no candidate at all (a NeuS summary quoted '... who received the
    # Moderna or Johnson...'): a shorter summary reads better than a broken one
    texts[3] = "Ferry operators said they would add two more boats on the busiest..."
    story = one_article_story(texts)
    assert [s.index for s in features(story, Evidence([{} for _ in story.sentences])).cands] == [0, 1, 2, 4]
    # in a longer story the opening of a quotation is a fallback, as its end is (QA round 11: '“I couldn’t take it
    # any more.' and '“It didn’t have to be this way, Netflix.' led or closed two summaries, their speakers unnamed)
    assert dangling(texts[1]) and dangling("“I couldn’t take it any more.")
    assert not dangling("“It won’t be difficult for me,” Hochul told CNN.")


def test_the_middle_of_a_quotation_stays_out_of_any_summary() -> None:
    # QA round 16: '" she was terminated from the program. This was one of the terms of her probation. So we will seek
    # jail time, " said frank mateljan' gave a summary the middle sentence, with no quotation mark, as the story's fact
    text = ('Officials said on Monday that "she was terminated from the program. This was one of the terms. So we '
            'will seek jail time," the spokesman said.\n\nThis was the judge\'s decision. “We act. It is late.” '
            'Ferries run again.')
    assert inside_quotation(text, text.index("This was one"))
    assert inside_quotation(text, text.index("So we will"))
    assert not inside_quotation(text, text.index("This was the judge"))  # a new paragraph, no quotation open
    assert inside_quotation(text, text.index("It is late"))
    assert not inside_quotation(text, text.index("Ferries run"))
    middle = "This was one of the terms of the closure of the bridge."
    texts = [TEXTS[0], TEXTS[1], '"Inspectors found the cracks in two piers.', middle,
             'So the ferries will run," he said.', TEXTS[2], TEXTS[3]]
    story = one_article_story(texts * 3)  # long next to the budget: pieces would only wait
    feats = features(story, Evidence([{} for _ in story.sentences]))
    # (its end holds the closing mark and says it is a quotation: a piece, as its opening is)
    assert feats.inside.tolist()[:7] == [False, False, False, True, False, False, False]
    scores = np.zeros(len(feats.cands))
    scores[[c.index for c in feats.cands].index(3)] = 5.0  # the middle of the quotation scores best
    chosen = select(story, Evidence([{} for _ in story.sentences]), 200, feats=feats, scores=scores)
    assert 3 not in chosen and 10 not in chosen and 17 not in chosen and len(chosen) > 3
