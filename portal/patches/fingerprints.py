"""``python -m portal.patches.fingerprints``: the current fingerprint of every upstream
function the patches list (paste into a module's ``UPSTREAM`` after re-reading the patch)."""

import django

if __name__ == "__main__":
    django.setup()
    from portal.patches import fingerprint, patch_modules

    for module in patch_modules():
        for target in module.UPSTREAM:
            print(f"{module.__name__}: {target!r}: {fingerprint(target)!r}")
