from collections import Counter

from trtune.data import Example, stratified_split


def examples():
    labels = ["positive"] * 60 + ["negative"] * 30 + ["neutral"] * 10
    return [Example(f"t{i}", label, i + 2) for i, label in enumerate(labels)]


def test_split_is_stratified_disjoint_and_complete():
    split = stratified_split(examples(), test_size=0.25, validation_size=0.1, seed=42)
    parts = [split.train, split.validation, split.test]
    texts = [e.text for part in parts for e in part]
    assert len(texts) == len(set(texts)) == 100
    assert Counter(e.label for e in split.test) == {"positive": 15, "negative": 8, "neutral": 2}
    assert Counter(e.label for e in split.validation) == {
        "positive": 4,
        "negative": 2,
        "neutral": 1,
    }


def test_split_depends_on_the_seed_only():
    a = stratified_split(examples(), seed=1)
    b = stratified_split(examples(), seed=1)
    c = stratified_split(examples(), seed=2)
    assert [e.text for e in a.test] == [e.text for e in b.test]
    assert [e.text for e in a.test] != [e.text for e in c.test]


def test_a_singleton_class_stays_in_train():
    data = examples()[:20] + [Example("lonely", "rare", 999)]
    split = stratified_split(data, seed=0)
    assert any(e.label == "rare" for e in split.train)
