from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("articles", "0005_feed_entry_errors")]

    operations = [
        migrations.AddField(
            model_name="article",
            name="lease_until",
            field=models.DateTimeField(blank=True, null=True),
        ),
    ]
