from django.db import migrations, models


class Migration(migrations.Migration):
    # 0004 is another change of the same day; the lead renumbers when merging.
    dependencies = [("articles", "0004_article_edit")]

    operations = [
        migrations.AddField(
            model_name="feedentry",
            name="attempts",
            field=models.PositiveIntegerField(default=0),
        ),
        migrations.AddField(
            model_name="feedentry",
            name="retry_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
    ]
