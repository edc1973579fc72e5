"""The extraction trace stored with each piece of evidence (issue 13): why the machine read
a meeting in that sentence, shown to editors on the review page."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0011_query_indexes"),
    ]

    operations = [
        migrations.AddField(
            model_name="evidence",
            name="trace",
            field=models.JSONField(blank=True, default=list, editable=False),
        ),
    ]
