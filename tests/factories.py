import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from diplomacy.articles.models import Article
from diplomacy.leaders.models import Leader
from diplomacy.meetings.models import Evidence, Meeting, Participation, Statement
from diplomacy.meetings.pairs import pairs_add
from diplomacy.meetings.services import participants_changed


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.django.Password("correct horse battery staple")

    @factory.post_generation
    def role(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(Group.objects.get(name=extracted))
            if extracted == "admin":
                self.is_staff = True
                self.save(update_fields=["is_staff"])


class LeaderFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Leader

    name = factory.Sequence(lambda n: f"Leader Number{n}")
    country = "FR"


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article

    text = factory.Sequence(lambda n: f"date 2025-01-01 Article number {n}.")
    title = factory.Sequence(lambda n: f"Article {n}")
    status = Article.Status.DONE


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting
        skip_postgeneration_save = True

    date = factory.Faker("date_between", start_date="-3y", end_date="today")
    date_precision = "day"
    place = "Paris"
    country = "FR"
    kind = Meeting.Kind.BILATERAL
    confidence = 0.8

    @factory.post_generation
    def participants(self, create, extracted, **kwargs):
        if not create:
            return
        people = extracted or [LeaderFactory(), LeaderFactory()]
        Participation.objects.bulk_create(
            Participation(meeting=self, leader=person) for person in people
        )
        participants_changed(self)
        pairs_add(self)

    @factory.post_generation
    def source(self, create, extracted, **kwargs):
        if create:
            article = extracted or ArticleFactory()
            Evidence.objects.create(
                meeting=self, article=article, start=0, end=10, text=article.text[:10]
            )


class StatementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Statement

    speaker = factory.SubFactory(LeaderFactory)
    text = factory.Sequence(lambda n: f"We will keep talking, statement {n}")
    kind = Statement.Kind.DIRECT
    language = "en"
    said_on = factory.Faker("date_between", start_date="-3y", end_date="today")
    article = factory.SubFactory(ArticleFactory)
    start = factory.Sequence(lambda n: n * 10)
    end = factory.LazyAttribute(lambda o: o.start + 5)
