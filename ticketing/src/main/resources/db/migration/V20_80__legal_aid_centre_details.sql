-- Where a citizen goes to apply for legal aid (issue 21): a handling unit's visiting address and opening
-- hours, next to the phone it already had, shown in the citizen app's legal-aid guide and kept by
-- administrators on the workspace's units page.
--
-- DEMO DATA: the Guangdong legal-aid centres below get public-style details so the guide has something
-- to show. They are NOT verified: each address names the city's public legal service centre, each phone
-- is the city's area code with 12348. sample_details = true marks them, the citizen app says so, and an
-- administrator's correction of the address, phone or hours clears the mark.
-- Written in the SQL that H2 (embedded default) and PostgreSQL (production) both accept.

alter table handling_unit add column address varchar(200);
alter table handling_unit add column opening_hours varchar(100);
alter table handling_unit add column sample_details boolean default false not null;

update handling_unit set address = '广州市越秀区广东省公共法律服务中心一楼法律援助窗口', phone = '020-12348',
    opening_hours = '周一至周五 上午9:00-12:00，下午2:30-5:30（法定节假日除外）', sample_details = true
    where code = 'GD-4400-LEGAL-AID';
update handling_unit set address = '广州市越秀区广州市公共法律服务中心一楼法律援助窗口', phone = '020-12348',
    opening_hours = '周一至周五 上午9:00-12:00，下午2:30-5:30（法定节假日除外）', sample_details = true
    where code = 'GD-4401-LEGAL-AID';
update handling_unit set address = '韶关市浈江区韶关市公共法律服务中心一楼法律援助窗口', phone = '0751-12348',
    opening_hours = '周一至周五 上午9:00-12:00，下午2:30-5:30（法定节假日除外）', sample_details = true
    where code = 'GD-4402-LEGAL-AID';
update handling_unit set address = '深圳市福田区深圳市公共法律服务中心一楼法律援助窗口', phone = '0755-12348',
    opening_hours = '周一至周五 上午9:00-12:00，下午2:30-5:30（法定节假日除外）', sample_details = true
    where code = 'GD-4403-LEGAL-AID';
update handling_unit set address = '珠海市香洲区珠海市公共法律服务中心一楼法律援助窗口', phone = '0756-12348',
    opening_hours = '周一至周五 上午9:00-12:00，下午2:30-5:30（法定节假日除外）', sample_details = true
    where code = 'GD-4404-LEGAL-AID';
update handling_unit set address = '汕头市龙湖区汕头市公共法律服务中心一楼法律援助窗口', phone = '0754-12348',
    opening_hours = '周一至周五 上午9:00-12:00，下午2:30-5:30（法定节假日除外）', sample_details = true
    where code = 'GD-4405-LEGAL-AID';
update handling_unit set address = '佛山市禅城区佛山市公共法律服务中心一楼法律援助窗口', phone = '0757-12348',
    opening_hours = '周一至周五 上午9:00-12:00，下午2:30-5:30（法定节假日除外）', sample_details = true
    where code = 'GD-4406-LEGAL-AID';
update handling_unit set address = '江门市蓬江区江门市公共法律服务中心一楼法律援助窗口', phone = '0750-12348',
    opening_hours = '周一至周五 上午9:00-12:00，下午2:30-5:30（法定节假日除外）', sample_details = true
    where code = 'GD-4407-LEGAL-AID';
update handling_unit set address = '湛江市赤坎区湛江市公共法律服务中心一楼法律援助窗口', phone = '0759-12348',
    opening_hours = '周一至周五 上午9:00-12:00，下午2:30-5:30（法定节假日除外）', sample_details = true
    where code = 'GD-4408-LEGAL-AID';
update handling_unit set address = '茂名市茂南区茂名市公共法律服务中心一楼法律援助窗口', phone = '0668-12348',
    opening_hours = '周一至周五 上午9:00-12:00，下午2:30-5:30（法定节假日除外）', sample_details = true
    where code = 'GD-4409-LEGAL-AID';
update handling_unit set address = '肇庆市端州区肇庆市公共法律服务中心一楼法律援助窗口', phone = '0758-12348',
    opening_hours = '周一至周五 上午9:00-12:00，下午2:30-5:30（法定节假日除外）', sample_details = true
    where code = 'GD-4412-LEGAL-AID';
update handling_unit set address = '惠州市惠城区惠州市公共法律服务中心一楼法律援助窗口', phone = '0752-12348',
    opening_hours = '周一至周五 上午9:00-12:00，下午2:30-5:30（法定节假日除外）', sample_details = true
    where code = 'GD-4413-LEGAL-AID';
update handling_unit set address = '梅州市梅江区梅州市公共法律服务中心一楼法律援助窗口', phone = '0753-12348',
    opening_hours = '周一至周五 上午9:00-12:00，下午2:30-5:30（法定节假日除外）', sample_details = true
    where code = 'GD-4414-LEGAL-AID';
update handling_unit set address = '汕尾市城区汕尾市公共法律服务中心一楼法律援助窗口', phone = '0660-12348',
    opening_hours = '周一至周五 上午9:00-12:00，下午2:30-5:30（法定节假日除外）', sample_details = true
    where code = 'GD-4415-LEGAL-AID';
update handling_unit set address = '河源市源城区河源市公共法律服务中心一楼法律援助窗口', phone = '0762-12348',
    opening_hours = '周一至周五 上午9:00-12:00，下午2:30-5:30（法定节假日除外）', sample_details = true
    where code = 'GD-4416-LEGAL-AID';
update handling_unit set address = '阳江市江城区阳江市公共法律服务中心一楼法律援助窗口', phone = '0662-12348',
    opening_hours = '周一至周五 上午9:00-12:00，下午2:30-5:30（法定节假日除外）', sample_details = true
    where code = 'GD-4417-LEGAL-AID';
update handling_unit set address = '清远市清城区清远市公共法律服务中心一楼法律援助窗口', phone = '0763-12348',
    opening_hours = '周一至周五 上午9:00-12:00，下午2:30-5:30（法定节假日除外）', sample_details = true
    where code = 'GD-4418-LEGAL-AID';
update handling_unit set address = '东莞市莞城街道东莞市公共法律服务中心一楼法律援助窗口', phone = '0769-12348',
    opening_hours = '周一至周五 上午9:00-12:00，下午2:30-5:30（法定节假日除外）', sample_details = true
    where code = 'GD-4419-LEGAL-AID';
update handling_unit set address = '中山市石岐街道中山市公共法律服务中心一楼法律援助窗口', phone = '0760-12348',
    opening_hours = '周一至周五 上午9:00-12:00，下午2:30-5:30（法定节假日除外）', sample_details = true
    where code = 'GD-4420-LEGAL-AID';
update handling_unit set address = '潮州市湘桥区潮州市公共法律服务中心一楼法律援助窗口', phone = '0768-12348',
    opening_hours = '周一至周五 上午9:00-12:00，下午2:30-5:30（法定节假日除外）', sample_details = true
    where code = 'GD-4451-LEGAL-AID';
update handling_unit set address = '揭阳市榕城区揭阳市公共法律服务中心一楼法律援助窗口', phone = '0663-12348',
    opening_hours = '周一至周五 上午9:00-12:00，下午2:30-5:30（法定节假日除外）', sample_details = true
    where code = 'GD-4452-LEGAL-AID';
update handling_unit set address = '云浮市云城区云浮市公共法律服务中心一楼法律援助窗口', phone = '0766-12348',
    opening_hours = '周一至周五 上午9:00-12:00，下午2:30-5:30（法定节假日除外）', sample_details = true
    where code = 'GD-4453-LEGAL-AID';
