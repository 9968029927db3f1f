"""The decision tree's picture: the whole tree, and the path alone a phone shows (sixth Korean review)."""

import re

from lib.decide import decision
from lib.inputs.workload import from_dict
from lib.presentation import decision_chart


def _nodes_and_edges(dot: str) -> tuple[set[str], set[tuple[str, str]]]:
    nodes = set(re.findall(r'^\s*"([^"]+)" \[shape', dot, re.M))
    edges = set(re.findall(r'^\s*"([^"]+)" -> "([^"]+)"', dot, re.M))
    return nodes, edges


def test_the_path_alone_holds_the_questions_asked_and_the_chosen_leaf(book):
    tree = decision.load()
    r = decision.recommend(from_dict({}), book, tree)  # the default: AWS production, ECR
    nodes, edges = _nodes_and_edges(decision_chart.to_dot(tree, r, path_only=True))
    asked = [s.node for s in r.path]
    assert nodes == {*asked, f"leaf_{r.leaf}"}
    # one edge per step, each to the next question asked, the last to the leaf
    assert edges == set(zip(asked, [*asked[1:], f"leaf_{r.leaf}"], strict=True))
    whole_nodes, whole_edges = _nodes_and_edges(decision_chart.to_dot(tree, r))
    assert len(whole_nodes) == len(tree.nodes) + len(tree.leaves) > len(nodes)
    assert edges < whole_edges
