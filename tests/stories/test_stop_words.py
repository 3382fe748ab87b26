"""The clustering features' stop words are scikit-learn's list, read without importing scikit-learn."""

from __future__ import annotations

import subprocess
import sys


def test_the_stop_words_are_scikit_learn_s_list():
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    from storylens.stories.features import sklearn_stop_words

    assert sklearn_stop_words() == ENGLISH_STOP_WORDS


def test_reading_them_imports_no_scikit_learn():
    code = ("import sys; from storylens.stories.features import sklearn_stop_words; words = sklearn_stop_words(); "
            "print(len(words), 'sklearn' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    assert out.stdout.split() == ["318", "False"]
