#!/usr/bin/env python3
"""Generates a synthetic Rijksdienst for benchmarks: N ministries, each with
M dienstonderdelen, projects, mandates and deviations, in one file or one
file per ministry, and with --rijk the Rijk level (CIO Rijk, CIO-beraad and
its four voorportalen with every ministry as member), like examples/rijksdienst.
Deterministic for the same arguments."""
import argparse
import os


def ministry(i: int, units: int) -> str:
    m = f"M{i:04d}"
    # Every fourth ministry has its CIO under a plv. SG, covered by an art. 17 deviation.
    deviates = i % 4 == 0
    chief = f'PLV_{m}' if deviates else f'SG_{m}'
    out = [f'/// Synthetisch ministerie {i}.',
           f'ministerie {m} "Ministerie {i}" {{',
           f'    sg SG_{m} "Secretaris-generaal";',
           f'    functie PLV_{m} "Plaatsvervangend secretaris-generaal" {{ ressorteert_onder = SG_{m}; }}',
           f'    cio CIO_{m} "CIO" {{ ressorteert_onder = {chief}; office = OFFICE_{m}; overleg_bzk = 2021-03-01; }}',
           f'    cio_office OFFICE_{m} {{ expertise = [beleid, architectuur, bedrijfsvoering]; }}',
           f'    ciso CISO_{m} {{ ressorteert_onder = CIO_{m}; }}',
           f'    bestuursraad BR_{m} {{ leden = [SG_{m}, CIO_{m}]; }}',
           f'    informatieplan IP_{m} {{ periode = 2024 .. 2027; financiele_paragraaf = ja; }}',
           f'    afgevaardigde AFG_{m} {{ namens = OFFICE_{m}; }}']
    for j in range(units):
        d = f"D{j:03d}"
        out += [f'    dienstonderdeel {d} "Dienstonderdeel {j}" {{',
                f'        portfolio = substantieel;']
        if provider(i, j):
            # Every tenth ministry's first dienstonderdeel is an ICT service provider (art. 15.7, 15.8).
            out += [f'        ict_dienstverlener = ja;',
                    f'        directeur = DG_{d};',
                    f'        afgevaardigde AFG_{d} {{ namens = {d}; }}']
        out += [
                f'        functie DG_{d} "Directeur-generaal" {{ ressorteert_onder = SG_{m}; }}',
                f'        cio CIO_{d} {{ ressorteert_onder = DG_{d}; office = OFFICE_{m}; }}',
                f'        ciso CISO_{d} {{ ressorteert_onder = CIO_{d}; }}',
                f'        leiding = [DG_{d}, CIO_{d}];',
                f'    }}',
                f'    mandaat MD_{d} {{ van = CIO_{m}; aan = CIO_{d}; taken = [art4.g, art4.j]; bevoegdheden = [art5.2]; }}',
                f'    project P_{d} "Project {j}" {{',
                f'        eigenaar = {d};',
                f'        ict_component = {5 + j % 40}.5 mln;',
                f'        start = 2026-06-01;',
                f'        cio_oordeel {{ uitkomst = positief; datum = 2026-03-10; door = CIO_{m}; }}',
                f'        adviescollege_aangemeld = 2026-02-01;',
                f'        op_dashboard = ja;',
                f'    }}']
    if deviates:
        out += [f'    afwijking AFW_{m} {{',
                f'        van = art3.1;',
                f'        betreft = CIO_{m};',
                f'        motivering = "De CIO ressorteert tot de reorganisatie onder de plv. secretaris-generaal.";',
                f'        overleg_minister_bzk = 2025-01-15;',
                f'        geldig_tot = 2027-01-01;',
                f'    }}']
    out += ['}', '']
    return '\n'.join(out)


def provider(i: int, j: int) -> bool:
    return i % 10 == 0 and j == 0


def rijk(ministries: int, units: int) -> str:
    ms = [f'M{i:04d}' for i in range(ministries)]
    providers = [(m, 'D000') for i, m in enumerate(ms) if units and provider(i, 0)]
    def members(items):
        return '[' + ', '.join(items) + ']'
    return '\n'.join([
        'rijk RIJK "Rijksdienst" {',
        f'    cio_rijk CIO_RIJK {{ ressorteert_onder = {ms[0]}.SG_{ms[0]}; }}',
        '    ciso_rijk CISO_RIJK { ressorteert_onder = CIO_RIJK; }',
        '    afgevaardigde AFG_RIJK { namens = CIO_RIJK; }',
        f'    cio_beraad CIO_BERAAD {{ voorzitter = CIO_RIJK; handvest = 2025-05-01; leden = {members(f"{m}.CIO_{m}" for m in ms)}; }}',
        f'    ciso_raad CISO_RAAD {{ voorzitter = CISO_RIJK; leden = {members(f"{m}.CISO_{m}" for m in ms)}; }}',
        f'    cto_raad CTO_RAAD {{ voorzitter = CIO_RIJK; leden = {members(f"{m}.{d}.DG_{d}" for m, d in providers)}; }}',
        f'    torn TORN {{ voorzitter = AFG_RIJK; leden = {members([f"{m}.{d}.AFG_{d}" for m, d in providers] + [f"{m}.AFG_{m}" for m in ms])}; }}',
        f'    torv TORV {{ voorzitter = AFG_RIJK; leden = {members(f"{m}.AFG_{m}" for m in ms)}; }}',
        '    evaluatie EVAL_2024 { datum = 2024-06-30; }',
        '}', ''])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument('--ministries', type=int, default=12)
    ap.add_argument('--units', type=int, default=5)
    ap.add_argument('--split', action='store_true', help='one file per ministry')
    ap.add_argument('--rijk', action='store_true', help='add the Rijk level (rijk.cio when split)')
    ap.add_argument('out')
    a = ap.parse_args()
    header = 'gebruik besluit_cio_2021;\n\n'
    if a.split:
        os.makedirs(a.out, exist_ok=True)
        for i in range(a.ministries):
            with open(os.path.join(a.out, f'm{i:04d}.cio'), 'w', encoding='utf-8') as f:
                f.write(header + ministry(i, a.units))
        if a.rijk:
            with open(os.path.join(a.out, 'rijk.cio'), 'w', encoding='utf-8') as f:
                f.write(header + rijk(a.ministries, a.units))
    else:
        with open(a.out, 'w', encoding='utf-8') as f:
            f.write(header)
            for i in range(a.ministries):
                f.write(ministry(i, a.units))
            if a.rijk:
                f.write(rijk(a.ministries, a.units))


if __name__ == '__main__':
    main()
