"""Story: Readiness (a definition, no activity yet)."""

from __future__ import annotations

from examples.shared import D, Example


def readiness() -> Example:
    H, V = "hafenblick", "vireo"
    return Example(
        name="readiness",
        id_prefix="rd",
        comment=[
            "Hafenblick x Vireo: agreed, not started (starts 2027-01-15). Sponsors and contacts on both",
            "sides, outcome and influence factors, review rhythm and cost split are set.",
            "Known gap: Vireo has not given an hourly_rate yet, so its effort cannot be priced.",
        ],
        definition={
            "coopcheck": 1,
            "id": "hafenblick-vireo",
            "name": "Hafenblick x Vireo customer analytics go-to-market",
            "kind": "joint_market",
            "started": D(2027, 1, 15),
            "currency": "EUR",
            "review_every_days": 45,
            "partners": {
                H: {
                    "name": "Hafenblick Digital GmbH",
                    "sponsor": "Birte Janssen",
                    "contacts": ["Ole Hinrichs", "Frauke Meyer"],
                    "hourly_rate": 110,
                },
                V: {
                    "name": "Vireo Analytics Oy",
                    "sponsor": "Mikko Laine",
                    "contacts": ["Aino Virtanen", "Jussi Korhonen"],
                },
            },
            "success_factors": {
                "outcomes": {
                    "joint_campaigns": {"target": 3, "by": D(2027, 12, 31)},
                    "projects_won": {"target": 4, "by": D(2027, 12, 31)},
                    "revenue": {"target": 200000, "by": D(2027, 12, 31)},
                },
                "influence": {"cost_split": {H: 50, V: 50}, "response_days": 5},
            },
        },
    )
