"""Pair counts per month instead of per year, so that the network of any period is summed
from the months it covers (meetings/pairs.py, meetings/network.py)."""

from django.db import migrations, models


def forget_counts(apps, schema_editor):
    """The counts are recounted below; emptied first so the new unique key holds."""
    apps.get_model("meetings", "PairCount").objects.all().delete()


def count_pairs(apps, schema_editor):
    from diplomacy.meetings.pairs import pairs_rebuild

    pairs_rebuild(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0013_month_counts"),
    ]

    operations = [
        # Going back leaves the yearly table empty: run pairs_rebuild at that version.
        migrations.RunPython(forget_counts, forget_counts),
        migrations.RemoveConstraint(model_name="paircount", name="pair_unique"),
        migrations.RemoveIndex(model_name="paircount", name="pair_year_idx"),
        migrations.RemoveField(model_name="paircount", name="year"),
        migrations.AddField(
            model_name="paircount",
            name="month",
            field=models.IntegerField(default=0),
        ),
        migrations.AddConstraint(
            model_name="paircount",
            constraint=models.UniqueConstraint(
                fields=("leader_a", "leader_b", "month"), name="pair_month_unique"
            ),
        ),
        migrations.AddIndex(
            model_name="paircount",
            index=models.Index(
                fields=["month", "leader_a", "leader_b", "meetings", "last"],
                name="pair_month_idx",
            ),
        ),
        migrations.RunPython(count_pairs, migrations.RunPython.noop),
    ]
