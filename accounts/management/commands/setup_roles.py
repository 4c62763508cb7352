from django.core.management.base import BaseCommand

from accounts.roles import setup_roles


class Command(BaseCommand):
    help = (
        "Create the Practitioners and Network organisers groups, their permissions and "
        "the 'Organiser review' workflow. Safe to run again."
    )

    def handle(self, *args, **options):
        result = setup_roles()
        for group in result["groups"]:
            self.stdout.write(
                f"Group '{group.name}': {group.permissions.count()} permissions, "
                f"{group.page_permissions.count()} page permissions"
            )
        workflow = result["workflow"]
        tasks = ", ".join(task.name for task in workflow.tasks)
        pages = ", ".join(page.title for page in workflow.all_pages()[:1])
        self.stdout.write(
            self.style.SUCCESS(
                f"Workflow '{workflow.name}' (tasks: {tasks}) applies to '{pages}' and every page "
                "below it."
            )
        )
