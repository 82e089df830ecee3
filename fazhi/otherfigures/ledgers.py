from fazhi.core.ledgers import Ledger, register
from fazhi.otherfigures.forms import OtherFigureForm
from fazhi.otherfigures.models import OtherFigure

OTHER_FIGURES = register(Ledger(
    model=OtherFigure, slug="other-figures", title="其他数据", form_class=OtherFigureForm,
    date_field="stated_on", group="其他数据", order=95, attachments=True,
    natural_key=("stated_on", "metric", "name"),
    list_fields=("stated_on", "metric", "name", "value", "unit", "placement", "source_system", "source_document"),
    filter_fields=("metric", "placement"), search_fields=("name", "source_system", "source_document"),
    help_text="来自其他系统的数字（如便民服务中心办件量、法治工作人员数）：每个数字登记一次，写明来源文件并在记录页上传，"
              "年度报告在所选位置写出这句话，数字链接到本记录。",
))
