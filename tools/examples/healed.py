"""Story: a one-way street from January to May 2026 that healed in June.

Eichwald Solartechnik (Freiburg, solar installer) and Soleado Baterías (Valencia, battery
storage) give in both directions from September to December 2025. From January to May 2026 only
Eichwald gives: Soleado keeps joining calls and asking for help, but brings nothing. After the
April review Soleado's new sponsor turns it round: from June 2026 both sides give again, answer
each other's requests and share costs, and the last six months are balanced.
"""

from __future__ import annotations

import datetime as dt
import random

from examples.rhythm import answered, contribution, every, outcomes, reviews, shared_costs, steering
from examples.shared import Act, Example, Log, Pool, day_in, months, other

D = dt.date
E, S = "eichwald", "soleado"
P = (E, S)
SPONSOR = {E: "Georg Eichhorn", S: "Lucía Navarro"}
STAFF = {E: ["Verena Kurz", "Dominik Maier", "Hanna Vogt"], S: ["Carlos Ortega", "Marta Gil"]}
STREET = ((2026, 1), (2026, 5))  # only Eichwald gives


def _gives(rng: random.Random) -> dict[str, Pool]:
    return {
        E: Pool(
            rng,
            [
                ("lead", "{c} wants a battery storage retrofit for its rooftop plant"),
                ("referral", "{c} asks for storage with its new PV system"),
                ("support", "Eichwald installer team commissions a Soleado demo system at {c}"),
                ("content", "German installation guide for the Soleado 20 kWh cabinet"),
                ("introduction", "Intro to the energy manager of {c}"),
            ],
        ),
        S: Pool(
            rng,
            [
                ("lead", "{c} (German subsidiary) needs a PV installer for storage projects"),
                ("enablement", "Soleado service training for the Eichwald installers"),
                ("support", "Soleado engineer on site for the {c} commissioning"),
                ("content", "Sizing tool for combined PV and storage offers"),
                ("referral", "{c} asks Soleado for a certified German installer"),
            ],
        ),
    }


def _months(rng: random.Random) -> list[Act]:
    gives = _gives(rng)
    clients = Pool(
        rng,
        [
            "Breisgau Milch",
            "Kaiserstuhl Winzer",
            "Ortenau Metall",
            "Markgräfler Bäder",
            "Dreisam Kliniken",
            "Elztal Holz",
            "Schauinsland Hotels",
            "Rheinau Logistik",
        ],
    )
    acts: list[Act] = []
    for y, m in months((2025, 9), (2026, 11)):
        street = STREET[0] <= (y, m) <= STREET[1]
        for k in P:  # a working call each side sets up, every month, street or not
            people = [rng.choice(STAFF[k]), rng.choice(STAFF[other(P, k)])]
            acts.append(
                Act(
                    day_in(rng, y, m, 3, 26),
                    k,
                    other(P, k),
                    "call",
                    "working",
                    people,
                    f"Project sync on {clients.take()}",
                    hours=1,
                )
            )
        for k in P:
            if street and k == S:
                continue
            for _ in range(rng.choice([2, 2, 3]) if street else rng.choice([1, 2])):
                day = day_in(rng, y, m, 2, 27)
                acts.append(contribution(rng, P, day, k, gives, STAFF, [3, 4, 6], c=clients.take()))
        for asker in P:  # during the street only Soleado asks, and only Eichwald answers
            if street and asker == E:
                continue
            c = clients.take()
            people2 = (rng.choice(STAFF[asker]), rng.choice(STAFF[other(P, asker)]))
            texts = (f"Quote support for {c}", f"Quote support for {c} delivered")
            acts += answered(rng, day_in(rng, y, m, 2, 20), asker, other(P, asker), people2, texts, rng.choice([1, 2]))
    return acts


def healed() -> Example:
    rng = random.Random(2609)
    acts = _months(rng)
    acts += steering(
        rng,
        P,
        SPONSOR,
        [
            (D(2025, 9, 3), S, "Kickoff in Freiburg: storage for German commercial PV, targets and cost split"),
            (D(2025, 12, 10), E, "Executive meeting in Valencia on the 2026 plan"),
            (D(2026, 4, 22), E, "Executive meeting in Valencia: Eichwald has carried the partnership since January"),
            (D(2026, 6, 17), S, "Executive meeting in Freiburg on the restart plan"),
            (D(2026, 9, 16), E, "Executive meeting in Valencia on Q3 results"),
        ],
    )
    acts += shared_costs(
        P,
        SPONSOR,
        [
            (D(2025, 10, 14), {E: 6000, S: 6000}, "Demo trailer with PV and storage"),
            (D(2026, 3, 10), {E: 9000}, "Intersolar Europe 2026 stand, paid by Eichwald alone"),
            (D(2026, 7, 14), {E: 7000, S: 7000}, "Joint installer roadshow in Baden-Württemberg"),
            (D(2026, 10, 13), {E: 5000, S: 5000}, "Second demo trailer"),
        ],
    )
    days = every(D(2025, 9, 30), D(2026, 11, 27), 30)
    during = [D(2026, 1, 1) <= day < D(2026, 6, 1) for day in days]  # Eichwald holds the reviews alone
    acts += reviews(
        rng,
        days,
        lambda i: E if during[i] else P[i % 2],
        P,
        STAFF,
        "Monthly review: projects, requests, giving on both sides",
        acts,
    )
    acts += outcomes(
        P,
        SPONSOR,
        [
            (D(2025, 11, 19), S, "joint_campaign", None, None, "Mailing 'Storage for your rooftop PV' to 800 firms"),
            (D(2025, 12, 11), S, "project_won", 70000, "sourced", "Ortenau Metall: 400 kWh storage with PV"),
            (D(2026, 2, 12), E, "revenue", 35000, "sourced", "Breisgau Milch storage retrofit, installer share"),
            (D(2026, 3, 19), E, "joint_campaign", None, None, "Installer webinar on storage subsidies"),
            (D(2026, 4, 16), E, "project_won", 55000, "sourced", "Kaiserstuhl Winzer: storage for the cooperative"),
            (D(2026, 6, 25), S, "revenue", 60000, "sourced", "Ortenau Metall storage delivery"),
            (D(2026, 7, 23), S, "project_won", 65000, "sourced", "Dreisam Kliniken: PV and storage"),
            (D(2026, 8, 20), E, "revenue", 50000, "sourced", "Kaiserstuhl Winzer storage delivery"),
            (D(2026, 9, 24), S, "joint_campaign", None, None, "Joint roadshow campaign in Baden-Württemberg"),
            (D(2026, 10, 22), E, "project_won", 50000, "sourced", "Elztal Holz: storage retrofit"),
            (D(2026, 10, 29), S, "revenue", 55000, "sourced", "Dreisam Kliniken, first invoice"),
            (D(2026, 11, 19), E, "revenue", 40000, "sourced", "Elztal Holz storage delivery"),
        ],
    )
    early = [a for a in acts if a.date.year == 2025]
    later = [a for a in acts if a.date.year == 2026]
    return Example(
        name="healed",
        id_prefix="he",
        comment=[
            "Eichwald x Soleado: a one-way street that healed. Only Eichwald gave from January to",
            "May 2026; from June Soleado gives back and the last six months are balanced.",
            "Activities from January 2026 are in logs/healed-2026.yaml.",
        ],
        definition={
            "coopcheck": 1,
            "id": "eichwald-soleado",
            "name": "Eichwald x Soleado storage for commercial PV",
            "kind": "joint_market",
            "started": D(2025, 9, 1),
            "currency": "EUR",
            "review_every_days": 30,
            "partners": {
                E: {
                    "name": "Eichwald Solartechnik GmbH",
                    "sponsor": SPONSOR[E],
                    "contacts": STAFF[E],
                    "hourly_rate": 110,
                },
                S: {"name": "Soleado Baterías S.L.", "sponsor": SPONSOR[S], "contacts": STAFF[S], "hourly_rate": 95},
            },
            "success_factors": {
                "outcomes": {
                    "joint_campaigns": {"target": 3, "by": D(2026, 12, 31)},
                    "projects_won": {"target": 4, "by": D(2026, 12, 31)},
                    "revenue": {"target": 240000, "by": D(2026, 12, 31)},
                },
                "influence": {"cost_split": {E: 50, S: 50}, "response_days": 5},
            },
        },
        activities=early,
        logs=[Log("logs/healed-2026.yaml", later)],
    )
