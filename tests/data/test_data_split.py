from collections import Counter

from sklearn.model_selection import train_test_split

from trtune.data import Example, stratified_split


def examples():
    labels = ["positive"] * 60 + ["negative"] * 30 + ["neutral"] * 10
    return [Example(f"t{i}", label, i + 2) for i, label in enumerate(labels)]


def test_split_is_stratified_disjoint_and_complete():
    split = stratified_split(examples(), test_size=0.25, validation_size=0.1, seed=42)
    parts = [split.train, split.validation, split.test]
    texts = [e.text for part in parts for e in part]
    assert len(texts) == len(set(texts)) == 100
    assert [len(part) for part in parts] == [67, 8, 25]
    shares = {"positive": 0.6, "negative": 0.3, "neutral": 0.1}
    for part in parts:
        counts = Counter(e.label for e in part)
        for label, share in shares.items():
            assert abs(counts[label] - share * len(part)) <= 1, (label, counts, len(part))


def test_test_part_is_scikit_learns_split_for_the_same_seed():
    data = examples()
    _, expected = train_test_split(
        data, test_size=0.25, stratify=[e.label for e in data], random_state=7
    )
    split = stratified_split(data, test_size=0.25, seed=7)
    assert [e.text for e in split.test] == [e.text for e in expected]


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


def test_a_set_too_small_to_stratify_is_still_cut():
    labels = ["a", "b", "c", "a", "b", "c", "a", "b"]
    data = [Example(f"t{i}", label, i + 2) for i, label in enumerate(labels)]
    split = stratified_split(data, test_size=0.25, validation_size=0.1, seed=3)
    assert (len(split.train), len(split.validation), len(split.test)) == (5, 1, 2)
    assert {e.text for e in split.train + split.validation + split.test} == {e.text for e in data}
