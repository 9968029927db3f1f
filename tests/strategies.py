"""Hypothesis strategies shared by the property tests."""

from hypothesis import strategies as st

from lib.inputs.workload import SPECS, from_dict


@st.composite
def workloads(draw):
    d = {
        "image_size_mb": draw(st.floats(1, 20_000)),
        "repositories": draw(st.integers(1, 200)),
        "versions_kept": draw(st.integers(1, 500)),
        "shared_layer_fraction": draw(st.floats(0, 1)),
        "pulls_per_month": draw(st.floats(0, 5e7)),
        "layer_cache_hit": draw(st.floats(0, 1)),
        "availability_zones": draw(st.integers(1, 6)),
        "nat_gateways": draw(st.integers(1, 3)),
        "team_seats": draw(st.integers(1, 500)),
        "pushes_per_month": draw(st.floats(0, 10_000)),
        "rescans_per_month": draw(st.floats(0, 10_000)),
        "ops_hours_per_month": draw(st.floats(0, 500)),
        "nexus_licence_monthly": draw(st.floats(0, 10_000)),
        "replica_regions": draw(st.integers(0, 3)),
        "ecr_public_authenticated_share": draw(st.floats(0, 1)),
        "github_actions_pull_share": draw(st.floats(0, 1)),
    }
    a, b = sorted(draw(st.tuples(st.floats(0, 1), st.floats(0, 1))))
    d.update(same_region_share=a, cross_region_share=b - a, internet_share=1.0 - b)
    for name, spec in SPECS.items():
        if spec.kind == "choice":
            d[name] = draw(st.sampled_from(spec.choices))
        elif spec.kind == "bool":
            d[name] = draw(st.booleans())
        elif spec.kind == "text":
            d[name] = draw(
                st.sampled_from(
                    [spec.default, "acme", "team.platform", "a1-b2_c3"]
                    if name != "aws_account"
                    else [spec.default, "000000000000", "999999999999"]
                )
            )
        elif spec.kind == "set":
            d[name] = draw(st.lists(st.sampled_from(spec.choices), unique=True))
    return from_dict(d)
